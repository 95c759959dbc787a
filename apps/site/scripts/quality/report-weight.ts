/**
 * `pnpm report:weight [site folder]`: prints what release pages and the search page cost a reader, against the
 * budget the tests hold them to. Default folder: apps/site/dist.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPageWeight, weightBudget } from './page-weight.ts';

const siteDir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist'));
const { weights, overBudget } = checkPageWeight(siteDir, process.env.SITE_BASE ?? '/');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const releases = weights.filter((weight) => /^[a-z]{2}\/news\/(?!page\/|archive\/)[^/]+\/index\.html$/.test(weight.page));
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
};
const html = stats(releases.map((weight) => weight.html));
const htmlGzip = stats(releases.map((weight) => weight.htmlGzip));
console.log(`Page weight of ${siteDir} (${weights.length} pages, ${releases.length} release pages)`);
console.log(`  release HTML      median ${kb(html.median)} (gzip ${kb(htmlGzip.median)}), largest ${kb(html.max)}   budget ${kb(weightBudget.releaseHtml)}`);
console.log(`  CSS per page      ${kb(weights[0]?.css ?? 0)} (gzip ${kb(weights[0]?.cssGzip ?? 0)})   budget ${kb(weightBudget.css)}`);
console.log(`  JavaScript        ${weights.filter((weight) => weight.js > 0).map((weight) => `${weight.page} ${kb(weight.js)}`).join(', ') || 'none'}   budget: 0 outside the search page, ${kb(weightBudget.searchJs)} on it`);
if (overBudget.length) {
  console.error(`Over budget:\n  ${overBudget.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('Within budget.');
}
