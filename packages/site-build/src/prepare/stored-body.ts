import { closeSync, openSync, readSync } from 'node:fs';

/** Where a rendered body is in the content cache: the pack file's path and the slice of it (see prepare-files.ts). */
export interface StoredBodyRef {
  file: string;
  offset: number;
  length: number;
}

const openPacks = new Map<string, number>();

/**
 * The rendered HTML of a body kept in the content cache. Pack files stay open for the next read: a build reads
 * thousands of bodies from a few packs. Nothing here runs at import, so a site bundle can import it.
 *
 * @example
 * readStoredBody({ file: '…/packs/m3k2-1234-0.html', offset: 0, length: 5210 }) // '<p>…</p>'
 */
export function readStoredBody(location: StoredBodyRef): string {
  const file = location.file;
  let fd = openPacks.get(file);
  if (fd === undefined) {
    fd = openSync(file, 'r');
    openPacks.set(file, fd);
  }
  const buffer = Buffer.allocUnsafe(location.length);
  let read = 0;
  while (read < location.length) {
    const count = readSync(fd, buffer, read, location.length - read, location.offset + read);
    if (count === 0) throw new Error(`The content cache is cut short (${file}); build again with SITE_CLEAN_CACHE=1.`);
    read += count;
  }
  return buffer.toString('utf8');
}

/** Closes a pack that is about to be removed. */
export function forgetStoredBody(file: string): void {
  const fd = openPacks.get(file);
  if (fd !== undefined) closeSync(fd);
  openPacks.delete(file);
}
