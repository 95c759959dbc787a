import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/site */
export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the test build of the site is written (git-ignored). */
export const testOutputDir = path.join(appDir, '.test-output');
/** The site built from the repository's content/ for the build-output and browser tests. */
export const builtSiteDir = path.join(testOutputDir, 'site');
