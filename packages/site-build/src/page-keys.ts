/**
 * Page keys: a digest of everything a page shows, so that an update build renders only the pages whose key changed
 * (update-build/README.md). The site says what each page shows (its page registry); this module records every key
 * and picks the pages to render.
 *
 * Routes call {@link renderChanged} from `getStaticPaths`: it records every key (for the orchestrator, which keeps them
 * for the next build) and, in an update build, returns only the entries whose key is new or changed.
 */
import { hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { orchestratorIsListening, orchestratorVariables, sendToOrchestrator } from './protocol.ts';

/**
 * A `getStaticPaths` entry with the file it writes (from the site root, `en/news/x/index.html`) and how to compute its
 * key. The key is asked for only when a build records or compares keys: `astro dev` and a plain `astro build` never
 * digest a page.
 */
export interface KeyedEntry<T> {
  entry: T;
  file: string;
  key: () => string;
}

/** A short digest of any JSON-serializable values (`crypto.hash`: one call, no hash object, for 60,000 keys a build). */
export function digest(...parts: unknown[]): string {
  return hash('sha256', JSON.stringify(parts), 'base64url').slice(0, 22);
}

let previous: Map<string, string> | null | undefined;

function previousKeys(): Map<string, string> | null {
  if (previous === undefined) {
    const file = process.env[orchestratorVariables.previousPageKeys];
    previous = file ? new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)) : null;
  }
  return previous;
}

/**
 * Records the keys of a route's pages and returns the entries to render: all of them, or in an update build those
 * whose key is new or changed.
 *
 * @example
 * export async function getStaticPaths() {
 *   const site = await getSiteData();
 *   return renderChanged('release', site.releases.map((page) => ({ entry: { params: …, props: { page } }, file: `${page.path.slice(1)}index.html`, key: () => digest(page) })));
 * }
 */
export function renderChanged<T>(route: string, entries: readonly KeyedEntry<T>[]): T[] {
  const out = process.env[orchestratorVariables.pageKeysOut];
  const before = previousKeys();
  if (!out && !before) return entries.map(({ entry }) => entry);
  const keys = entries.map(({ key }) => key());
  if (out) writeFileSync(path.join(out, `${route}.json`), JSON.stringify(Object.fromEntries(entries.map(({ file }, index) => [file, keys[index]]))));
  if (!before) return entries.map(({ entry }) => entry);
  const changed = entries.filter(({ file }, index) => before.get(file) !== keys[index]);
  // The orchestrator indexes a search shard as soon as the pages it waits for are in (search-index-builder.ts).
  if (orchestratorIsListening() && changed.length > 0) void sendToOrchestrator({ type: 'iom:will-render', files: changed.map(({ file }) => file) }).catch(() => undefined);
  return changed.map(({ entry }) => entry);
}
