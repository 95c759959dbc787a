/**
 * `pnpm i18n:status [--lang fr] [--json]`: per language, which releases are missing and which translations are out
 * of date (which file, when the source changed, which sections changed), with the command that fixes each.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatContentIssues } from '@iom/safe-mdx';
import { isLocale, localeCodes, type Locale } from '../locales.ts';
import { readSiteContent } from '../read-site-content.ts';
import { sourceChangeSince } from '../translation/source-history.ts';
import { statusCounts, translationStatus } from '../translation/translation-status.ts';
import { contentLocation } from './content-location.ts';

const { values } = parseArgs({ options: { lang: { type: 'string' }, json: { type: 'boolean', default: false } } });
if (values.lang !== undefined && !isLocale(values.lang)) {
  console.error(`Unknown language "${values.lang}". Use one of: ${localeCodes.join(', ')}.`);
  process.exit(2);
}
const languages: Locale[] = values.lang ? [values.lang] : localeCodes;
const { contentDir, displayRoot, repoRoot } = contentLocation();
const { content, issues } = await readSiteContent({ contentDir, displayRoot });
if (issues.length > 0) {
  console.error(`${formatContentIssues(issues)}\nFix these first (pnpm check:content); status is shown for the files that could be read.\n`);
}
// Releases newest first, then the section pages (their rows have no date).
const rows = translationStatus([...content.releases, ...content.pages.map((page) => ({ ...page, key: `pages/${page.key}` }))]);
const counts = statusCounts(rows);
const folderOf = (file: string) => path.posix.dirname(file).replace(/^.*?(?:releases\/|(?=pages\/))/, '');
const pageOf = new Map<string, { translatedFrom?: string | undefined }>([...content.releases, ...content.pages].map((page) => [page.file, page]));

const report = Object.fromEntries(
  languages.map((lang) => {
    const mine = rows.filter((row) => row.lang === lang);
    const stale = mine
      .filter((row) => row.state === 'stale')
      .map((row) => {
        const page = pageOf.get(row.file!)!;
        const change = sourceChangeSince(repoRoot, path.join(displayRoot, row.sourceFile), page.translatedFrom!, readFileSync(path.join(displayRoot, row.sourceFile), 'utf8'));
        return { file: row.file!, source: row.sourceFile, title: row.title, changedOn: change.changedOn, sections: change.sections, markUpdated: `pnpm i18n:done ${folderOf(row.file!)} ${lang}` };
      });
    const missing = mine
      .filter((row) => row.state === 'missing')
      .map((row) => ({ release: folderOf(row.sourceFile), source: row.sourceFile, title: row.title, date: row.date, create: `pnpm i18n:new ${folderOf(row.sourceFile)} ${lang}` }));
    return [lang, { counts: counts[lang], stale, missing }];
  }),
);

if (values.json) {
  console.log(JSON.stringify({ contentDir: path.relative(repoRoot, contentDir) || '.', languages: report }, null, 2));
} else {
  for (const lang of languages) {
    const { counts: c, stale, missing } = report[lang]!;
    console.log(`\n${lang}: ${c.source} written in ${lang}, ${c.current} up to date, ${c.stale} out of date, ${c.missing} missing`);
    for (const item of stale) {
      console.log(`  out of date  ${item.file}`);
      console.log(`               the source ${item.source} changed ${item.changedOn === 'unknown' ? '(date unknown)' : item.changedOn === 'uncommitted' ? '(not yet committed)' : `on ${item.changedOn}`}`);
      if (item.sections) {
        const parts = [
          item.sections.changed.length ? `changed: ${item.sections.changed.join('; ')}` : '',
          item.sections.added.length ? `added: ${item.sections.added.join('; ')}` : '',
          item.sections.removed.length ? `removed: ${item.sections.removed.join('; ')}` : '',
        ].filter(Boolean);
        console.log(`               sections ${parts.length ? parts.join(' · ') : 'unchanged (title or summary changed)'}`);
      }
      console.log(`               when updated: ${item.markUpdated}`);
    }
    for (const item of missing) console.log(`  missing      ${item.release}  “${item.title}”  → ${item.create}`);
  }
}
if (issues.length > 0) process.exitCode = 1;
