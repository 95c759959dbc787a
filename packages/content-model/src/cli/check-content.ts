/**
 * `pnpm check:content`: checks all content (UTF-8, frontmatter, safe MDX, links between translations, countries,
 * slugs) without building the site, and lists every problem with file, line, field and fix. Exit code 1 on problems.
 */
import { formatContentIssues } from '@iom/safe-mdx';
import { readSiteContent } from '../read-site-content.ts';
import { contentLocation } from './content-location.ts';
import { unconfirmedSummary } from './unconfirmed-summary.ts';

const started = performance.now();
const { contentDir, displayRoot } = contentLocation();
const { content, issues } = await readSiteContent({ contentDir, displayRoot });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (issues.length > 0) {
  console.error(formatContentIssues(issues));
  process.exitCode = 1;
} else {
  console.log(`No problems: ${content.releases.length} release pages, ${content.pages.length} section pages and ${content.countries.length} countries checked in ${seconds} s.`);
}
if (content.missingStrings.length > 0) {
  const byLang = Map.groupBy(content.missingStrings, (missing) => missing.lang);
  for (const [lang, missing] of byLang) {
    console.log(`Note: ${missing.length} UI string(s) not yet translated in content/i18n/${lang}.yaml (shown in English): ${missing.map((m) => m.key).join(', ')}`);
  }
}
// Not an error: values still to confirm are never published, but editors should see how many are left.
console.log(unconfirmedSummary(content.unconfirmed));
