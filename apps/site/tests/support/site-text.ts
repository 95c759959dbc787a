import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Everything a reader or a machine can read in a built site, as text: every HTML, XML, JSON and text file, and every
 * page Pagefind stored for search (its fragments are gzip with a `pagefind_dcd` signature in front of the JSON).
 */
export function* publishedTexts(siteDir: string): Generator<{ file: string; text: string }> {
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (/\.(html|xml|json|txt|webmanifest)$/.test(entry.name) || entry.name === '_headers') yield { file, text: readFileSync(path.join(siteDir, file), 'utf8') };
    else if (entry.name.endsWith('.pf_fragment')) yield { file, text: gunzipSync(readFileSync(path.join(siteDir, file))).subarray('pagefind_dcd'.length).toString('utf8') };
  }
}
