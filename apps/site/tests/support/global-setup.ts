import { buildSite } from './build-site.ts';
import { builtSiteDir } from './paths.ts';

/** Builds the site once from the repository's content before any test file runs. */
export default function setup(): void {
  const { status, output } = buildSite(builtSiteDir);
  if (status !== 0) throw new Error(`The test build of the site failed:\n${output.slice(-4000)}`);
}
