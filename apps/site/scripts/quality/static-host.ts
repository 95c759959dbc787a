import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A built site served on this machine the way a static host serves it in production. */
export interface StaticHost {
  /** The site's address, with its base, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  server: Server;
  close: () => Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif',
  '.wasm': 'application/wasm',
};
/** What a host compresses on the fly: text, and Pagefind's WebAssembly (its index files are gzipped already). */
const compressed = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

/** One block of a `_headers` file: a path pattern (`*` matches anything) and the headers it adds. */
interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/**
 * Reads a `_headers` file (the format of Netlify and Cloudflare Pages that the build writes): a line with a path
 * pattern, then indented `Name: value` lines.
 *
 * @example
 * parseHeadersFile('/*\n  X-Content-Type-Options: nosniff\n') // [{ pattern: /^\/.*$/, headers: [['X-Content-Type-Options', 'nosniff']] }]
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ pattern: new RegExp(`^${pattern}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Serves a built site on 127.0.0.1 (a free port) as a static host does: under `base`, with the headers of the
 * site's `_headers` file, text compressed with gzip when the browser accepts it, folders served by their
 * `index.html`, and a miss answered 404 with the nearest not-found page (`/fr/404/` for a miss under `/fr/`, else
 * `/404.html`). For measuring what readers get (Lighthouse); the tests' server (`tests/support/static-server.ts`)
 * stays minimal on purpose, so that a test sees exactly the headers it sets.
 */
export async function serveLikeStaticHost(siteDir: string, base = '/'): Promise<StaticHost> {
  const root = path.resolve(siteDir);
  const headersFile = path.join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const fileAt = (sitePath: string): string | undefined => {
    const file = path.join(root, sitePath);
    if (file !== root && !file.startsWith(root + path.sep)) return undefined;
    try {
      const stats = statSync(file);
      if (stats.isFile()) return file;
      if (stats.isDirectory() && sitePath.endsWith('/')) return fileAt(`${sitePath}index.html`);
    } catch {
      // Not there: the caller looks for a not-found page.
    }
    return undefined;
  };
  const notFoundPage = (sitePath: string): string | undefined => {
    const parts = sitePath.split('/').filter(Boolean);
    for (let end = parts.length; end >= 0; end -= 1) {
      const folder = parts.slice(0, end).join('/');
      const found = fileAt(folder ? `/${folder}/404/index.html` : '/404.html');
      if (found) return found;
    }
    return undefined;
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    for (const rule of rules) if (rule.pattern.test(pathname)) for (const [name, value] of rule.headers) response.setHeader(name, value);
    if (!pathname.startsWith(base)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const sitePath = pathname.slice(base.length - 1);
    const found = fileAt(sitePath);
    if (!found && fileAt(`${sitePath}/`)) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const file = found ?? notFoundPage(sitePath);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    let body = readFileSync(file);
    response.setHeader('content-type', type);
    if (compressed.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body, { level: 9 });
      response.setHeader('content-encoding', 'gzip');
      response.setHeader('vary', 'accept-encoding');
    }
    response.writeHead(found ? 200 : 404, { 'content-length': body.length }).end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
