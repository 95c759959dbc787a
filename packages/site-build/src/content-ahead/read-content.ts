/**
 * The reading process the orchestrator starts next to Astro's (content-ahead.ts): reads the site's content with the
 * settings of its environment, as the loader would, and writes the read to the file named by its first argument
 * (atomically: the loader never finds half a file). Its second argument is Astro's pid, marked as a user of the
 * content cache, since Astro's process reads the rendered bodies from the cache until it ends.
 *
 *   node read-content.ts <file> <astro pid>
 */
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { openSiteContent } from '@iom/content-model/node';
import { writeFileAtomic } from '@iom/files';
import { findRepoRoot } from '../code-digest.ts';
import { readSiteSettings } from '../protocol.ts';
import type { ContentAheadFile, ContentReadSettings } from './content-ahead.ts';
import { contentReadOptions } from './read-options.ts';

const [file, astroPid] = process.argv.slice(2);
if (!file) {
  console.error('usage: node read-content.ts <file> [<pid of the process that reads the bodies>]');
  process.exit(2);
}
try {
  // Settings as Astro's process reads them: from the environment, in the app's folder (where the orchestrator runs).
  const { contentDir, base, cacheDir, samples } = readSiteSettings(process.env, process.cwd(), findRepoRoot(fileURLToPath(import.meta.url)));
  const settings: ContentReadSettings = { contentDir, base, cacheDir, samples };
  const cacheUsers = astroPid ? [Number(astroPid)] : [];
  const { read } = await openSiteContent(contentReadOptions(settings, cacheUsers));
  await writeFileAtomic(file, serialize({ settings, read } satisfies ContentAheadFile));
} catch (error) {
  // One line for the orchestrator to pass on; content problems are not errors here, they are in the read.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
