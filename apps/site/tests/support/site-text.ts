import { readFileSync } from 'node:fs';
import { listFilesSync } from '@iom/files';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Everything a reader or a machine can read in a built site, as text: every HTML, XML, JSON and text file, and every
 * page Pagefind stored for search (its fragments are gzip with a `pagefind_dcd` signature in front of the JSON).
 */
export function* publishedTexts(siteDir: string): Generator<{ file: string; text: string }> {
  for (const file of listFilesSync(siteDir, { missing: 'throw' })) {
    const name = path.posix.basename(file);
    if (/\.(html|xml|json|txt|webmanifest)$/.test(name) || name === '_headers') yield { file, text: readFileSync(path.join(siteDir, file), 'utf8') };
    else if (name.endsWith('.pf_fragment')) yield { file, text: gunzipSync(readFileSync(path.join(siteDir, file))).subarray('pagefind_dcd'.length).toString('utf8') };
  }
}
