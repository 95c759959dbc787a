/**
 * Updating a field office's mirror from one fixture build to the next, with the tool the bundle carries: only the
 * files that changed move, from a bundle, another office's server or the update channel on a plain web server, and a
 * killed, tampered, damaged or older update is caught while the old mirror keeps serving.
 *
 * The second build differs from the first by one edit: the French summary and a sentence of the seed release. The
 * mirror package tests the same mechanics on generic fixtures; these run them end to end on real site bundles.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtureContent } from '../support/fixture-content.ts';
import { serveStatic } from '../support/static-server.ts';
import {
  buildBundle,
  copyBundle,
  currentManifest,
  currentVersion,
  fixtureCountries,
  fixtureReleases,
  flipByte,
  mirrorTestDir,
  runTool,
  runToolAsync,
  serveMirror,
} from './mirror-support.ts';

const v1 = path.join(mirrorTestDir, 'sync-v1');
const v2 = path.join(mirrorTestDir, 'sync-v2');
/** The update channel both builds were published into, as headquarters does with `pnpm mirror --channel`. */
const channel = path.join(mirrorTestDir, 'sync-channel');
const frenchSeed = 'fr/news/l-oim-et-le-hcr-forment-leurs-partenaires-libyens-au-sauvetage-en-mer/index.html';
let v1Id: string;
let v2Id: string;
/** Files of the second build that the first does not have, byte for byte: what a sync must fetch. */
let changed: string[];
let changedBytes: number;

beforeAll(() => {
  const first = makeFixtureContent(fixtureCountries, fixtureReleases);
  const second = path.join(path.dirname(first), 'content-v2');
  cpSync(first, second, { recursive: true });
  const french = path.join(second, 'releases/2016/iom-unhcr-train-libyan-partners/fr.mdx');
  const text = readFileSync(french, 'utf8');
  const edited = text
    .replace(/^(title: .*)$/m, '$1\nsummary: "Un résumé ajouté par le test de synchronisation."')
    .replace(/^(L’atelier a été financé par .*)\.$/m, '$1. (Modifié pour le test de synchronisation.)');
  expect(edited).not.toBe(text);
  writeFileSync(french, edited);
  rmSync(channel, { recursive: true, force: true });
  buildBundle(v1, first, ['--channel', channel], '2024-06-01T00:00:00Z');
  const output = buildBundle(v2, second, ['--channel', channel], '2024-06-02T00:00:00Z');
  expect(output).toMatch(/Publishing it into the channel/);
  v1Id = currentVersion(v1);
  v2Id = currentVersion(v2);
  const before = new Map(currentManifest(v1).files.map((file) => [file.path, file.sha256]));
  const after = currentManifest(v2).files;
  changed = after.filter((file) => before.get(file.path) !== file.sha256).map((file) => file.path).sort();
  changedBytes = after.filter((file) => changed.includes(file.path)).reduce((sum, file) => sum + file.size, 0);
});

/** The mirror is still the first build, complete and intact. */
function expectOldMirrorIntact(office: string): void {
  expect(currentVersion(office)).toBe(v1Id);
  expect(readFileSync(path.join(office, 'index.html'), 'utf8')).toContain(`versions/${v1Id}/index.html`);
  const verified = runTool(office, ['verify', office]);
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  expect(verified.stdout).toMatch(/Mirror OK/);
}

describe('what changes between two builds', () => {
  it('is the edited French release, the French listings and feeds that show its summary, and the search indexes', () => {
    expect(v2Id).not.toBe(v1Id);
    expect(changed).toContain(frenchSeed);
    expect(changed).toContain('fr/news/index.html');
    expect(changed).toContain('fr/news/feed.xml');
    expect(changed).toContain('search-offline/fr.js');
    expect(changed.some((file) => /^pagefind\/.*fr_/.test(file))).toBe(true);
    expect(changed.filter((file) => !/^fr\/|^pagefind\/|^search-offline\/fr\.js$/.test(file))).toEqual([]);
    // And so not the stylesheets, the other languages, or French pages that do not show the release.
    expect(changed.filter((file) => /^_astro\/|^(en|es|ar)\/|^fr\/countries\/(comoros|mauritius|bangladesh)\//.test(file))).toEqual([]);
  });
});

describe('syncing a field office mirror to the next build', () => {
  let server: Awaited<ReturnType<typeof serveMirror>>;
  afterAll(async () => {
    await server?.stop();
  });

  it('over the office network downloads only the changed files, and says how many bytes that saved', async () => {
    const office = copyBundle(v1, path.join(mirrorTestDir, 'sync-office-http'));
    server = await serveMirror(v2, { log: true });
    const synced = runTool(office, ['sync', server.url, office]);
    expect(synced.status, synced.stdout + synced.stderr).toBe(0);
    expect(synced.stdout).toContain(`Updated to version ${v2Id}`);
    const requested = () =>
      server.log
        .map((line) => new RegExp(`^GET /_mirror/versions/${v2Id}/(\\S+) 200`).exec(line)?.[1])
        .filter((file): file is string => file !== undefined)
        .map((file) => decodeURIComponent(file))
        .sort();
    // The server's request log arrives through a pipe this process reads only now that the sync has returned.
    await expect.poll(() => requested().length).toBeGreaterThanOrEqual(changed.length);
    expect(requested()).toEqual(changed);
    const total = currentManifest(v2).files.length;
    expect(synced.stdout).toContain(`${changed.length} of ${total} files downloaded`);
    expect(synced.stdout).toContain(`(${changedBytes} bytes)`);
    expect(synced.stdout).toMatch(/a full copy is [\d.]+ [kM]B: [\d.]+ [kM]B saved \(9\d%\)/);
    // Progress, in files and bytes, on stderr.
    expect(synced.stderr).toContain(`Downloading: ${changed.length}/${changed.length} files`);
    expect(synced.stderr).toMatch(/Downloading: .* of .* \(100%\)/);
    expect(currentVersion(office)).toBe(v2Id);
    expect(runTool(office, ['verify', office]).status).toBe(0);
  });

  it('from a folder (a USB stick) copies only the changed files', () => {
    const office = copyBundle(v1, path.join(mirrorTestDir, 'sync-office-folder'));
    const synced = runTool(office, ['sync', v2, office]);
    expect(synced.status, synced.stdout + synced.stderr).toBe(0);
    expect(synced.stdout).toContain(`${changed.length} of ${currentManifest(v2).files.length} files copied from the source`);
    expect(currentVersion(office)).toBe(v2Id);
  });
});

describe('syncing from the update channel on a plain web server', () => {
  it('downloads the signed root, the new parts and the changed files, compressed: under twice their size plus 16 kB', async () => {
    expect(readFileSync(path.join(channel, 'LATEST'), 'utf8').trim()).toBe(v2Id);
    const office = copyBundle(v1, path.join(mirrorTestDir, 'sync-office-channel'));
    const web = await serveStatic(channel, '/iom-mirror/');
    const sockets = new Set<Socket>();
    web.server.on('connection', (socket: Socket) => sockets.add(socket));
    try {
      const synced = await runToolAsync(office, ['sync', web.url, office]);
      expect(synced.status, synced.stdout + synced.stderr).toBe(0);
      expect(synced.stdout).toContain(`Updated to version ${v2Id}`);
      expect(synced.stdout).toContain(`${changed.length} of ${currentManifest(v2).files.length} files downloaded`);
      const received = Number(/In all .* \((\d+) bytes\) downloaded/.exec(synced.stdout)?.[1]);
      const sent = [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, 0);
      // Every byte the web server sent, headers included, against the bytes of the files that changed.
      expect(received).toBeLessThanOrEqual(sent);
      expect(sent).toBeLessThanOrEqual(2 * changedBytes + 16_000);
      expect(currentVersion(office)).toBe(v2Id);
      expect(runTool(office, ['verify', office]).status).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await web.close();
    }
  });

  it('refuses to go back to the first build, and goes with --allow-downgrade', () => {
    const office = copyBundle(v2, path.join(mirrorTestDir, 'sync-office-downgrade'));
    const refused = runTool(office, ['sync', v1, office]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('which is older than the version');
    expect(currentVersion(office)).toBe(v2Id);
    const allowed = runTool(office, ['sync', v1, office, '--allow-downgrade']);
    expect(allowed.status, allowed.stdout + allowed.stderr).toBe(0);
    expect(currentVersion(office)).toBe(v1Id);
  });
});

/**
 * Serves a bundle's sync files like `mirror serve`, but answers the site-file requests after the first `complete`
 * with half the bytes and then nothing: a connection that dies in the middle of an update.
 */
async function stallingSource(bundle: string, complete: number): Promise<{ url: string; stalled: Promise<void>; close: () => Promise<void> }> {
  let served = 0;
  let onStall!: () => void;
  const stalled = new Promise<void>((resolve) => (onStall = resolve));
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const relative = pathname.replace(/^\/_mirror\//, '');
    const file = path.join(bundle, relative);
    if (!pathname.startsWith('/_mirror/') || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const bytes = readFileSync(file);
    response.writeHead(200, { 'content-length': bytes.length, 'content-type': 'application/octet-stream' });
    const isSiteFile = relative.startsWith('versions/') && relative.split('/').length > 2;
    if (isSiteFile && ++served > complete) {
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      onStall();
      return;
    }
    response.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    stalled,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('a sync that fails leaves the old mirror serving, and says what went wrong', () => {
  it('killed in the middle of a download: the old version stays, and the next sync resumes', async () => {
    const office = copyBundle(v1, path.join(mirrorTestDir, 'sync-office-killed'));
    const source = await stallingSource(v2, 3);
    const child = spawn(process.execPath, [path.join(office, 'mirror-tool', 'cli.js'), 'sync', source.url, office, '--concurrency', '1'], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await source.stalled;
    // The three complete files are checked and moved into staging right after they arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGKILL');
    await exited;
    await source.close();

    expectOldMirrorIntact(office);
    const served = await serveMirror(office);
    try {
      const page = await fetch(`${served.url}${frenchSeed.split('/').map(encodeURIComponent).join('/')}`);
      expect(page.status).toBe(200);
      expect(Buffer.from(await page.arrayBuffer()).equals(readFileSync(path.join(v1, 'versions', v1Id, frenchSeed)))).toBe(true);
    } finally {
      await served.stop();
    }

    const resumed = runTool(office, ['sync', v2, office]);
    expect(resumed.status, resumed.stdout + resumed.stderr).toBe(0);
    // The three files fetched before the kill are not fetched again (nor the unchanged files it had already taken
    // from the mirror itself).
    expect(resumed.stdout).toMatch(/\d+ files kept from the interrupted previous sync/);
    expect(resumed.stdout).toContain(`${changed.length - 3} of ${currentManifest(v2).files.length} files copied from the source`);
    expect(currentVersion(office)).toBe(v2Id);
    expect(runTool(office, ['verify', office]).status).toBe(0);
  });

  it('a byte flipped in a file of the source: refused, naming the file', () => {
    const office = copyBundle(v1, path.join(mirrorTestDir, 'sync-office-bad-file'));
    const source = copyBundle(v2, path.join(mirrorTestDir, 'sync-source-bad-file'));
    flipByte(path.join(source, 'versions', v2Id, frenchSeed));
    const synced = runTool(office, ['sync', source, office]);
    expect(synced.status).toBe(1);
    expect(synced.stderr).toContain('l-oim-et-le-hcr-forment-leurs-partenaires-libyens-au-sauvetage-en-mer');
    expect(synced.stderr).toMatch(/still serves|old version|previous version/i);
    expectOldMirrorIntact(office);
  });

  it('a byte flipped in the signed root of the source: refused before anything is copied', () => {
    const office = copyBundle(v1, path.join(mirrorTestDir, 'sync-office-bad-manifest'));
    const source = copyBundle(v2, path.join(mirrorTestDir, 'sync-source-bad-manifest'));
    // The root is read compressed: flip a byte of its text, then compress it again.
    const root = path.join(source, 'versions', `${v2Id}.manifest.json`);
    flipByte(root);
    writeFileSync(`${root}.gz`, gzipSync(readFileSync(root)));
    const synced = runTool(office, ['sync', source, office]);
    expect(synced.status).toBe(1);
    expect(synced.stderr).toMatch(/is not signed by the trusted key/);
    expect(synced.stderr).toContain('No site file was fetched');
    expect(synced.stderr).toContain(`it still serves version ${v1Id}`);
    expect(existsSync(path.join(office, 'staging'))).toBe(false);
    expectOldMirrorIntact(office);
  });

  it('a byte flipped in the mirror itself: verify lists the damaged file, and a repair fetches only it', () => {
    const office = copyBundle(v1, path.join(mirrorTestDir, 'sync-office-damaged'));
    const stylesheet = currentManifest(office).files.find((file) => file.path.startsWith('_astro/') && file.path.endsWith('.css'))!.path;
    flipByte(path.join(office, 'versions', v1Id, stylesheet));
    const verified = runTool(office, ['verify', office]);
    expect(verified.status).toBe(1);
    expect(verified.stdout).toContain(stylesheet);
    expect(verified.stdout).toMatch(/damaged/);
    const repaired = runTool(office, ['sync', v1, office, '--repair']);
    expect(repaired.status, repaired.stdout + repaired.stderr).toBe(0);
    expect(repaired.stdout).toContain(`1 of ${currentManifest(v1).files.length} files copied from the source`);
    expectOldMirrorIntact(office);
  });
});
