import { existsSync } from 'node:fs';
import path from 'node:path';
import { countrySlug, localeCodes, paths } from '@iom/content-model';
import { readSiteContent } from '@iom/content-model/node';
import { listSitePages, parsePage } from './site-files.ts';

/** A content file without its page, a page without its content file, or a page that does not match its file. */
export interface InventoryProblem {
  item: string;
  problem: string;
}

/**
 * "Nothing lost": compares the content inventory with the output, independently of the site's own routing code.
 * Every release file has exactly one page at its URL, in its language, with its headline; every country with
 * presence has a page in every language; and the output has no release or country page that content does not
 * explain.
 */
export async function checkInventory(siteDir: string, contentDir: string): Promise<InventoryProblem[]> {
  const problems: InventoryProblem[] = [];
  const { content, issues } = await readSiteContent({ contentDir, displayRoot: path.dirname(contentDir) });
  if (issues.length) problems.push({ item: contentDir, problem: `content has ${issues.length} problem(s); run pnpm check:content` });
  const expected = new Set<string>();
  for (const page of content.releases) {
    const file = `${decodeURIComponent(page.path).slice(1)}index.html`;
    expected.add(file);
    if (!existsSync(path.join(siteDir, file))) {
      problems.push({ item: page.file, problem: `no page at ${page.path}` });
      continue;
    }
    const root = parsePage(siteDir, file);
    if (root.querySelector('html')?.getAttribute('lang') !== page.lang) problems.push({ item: page.file, problem: `${page.path} is not in ${page.lang}` });
    if (root.querySelector('h1')?.text !== page.title) problems.push({ item: page.file, problem: `${page.path} does not show the headline "${page.title}"` });
  }
  for (const country of content.countries) {
    if (country.presence === 'none') continue;
    for (const lang of localeCodes) {
      const file = `${paths.country(lang, countrySlug(country.code, content.officialNames)).slice(1)}index.html`;
      expected.add(file);
      if (!existsSync(path.join(siteDir, file))) problems.push({ item: country.file, problem: `no ${lang} page at /${file}` });
    }
  }
  for (const page of listSitePages(siteDir)) {
    const release = /^[a-z]{2}\/news\/(?!page\/|archive\/)[^/]+\/index\.html$/.test(page);
    const country = /^[a-z]{2}\/countries\/[^/]+\/index\.html$/.test(page);
    if ((release || country) && !expected.has(page)) problems.push({ item: page, problem: `the output has this ${release ? 'release' : 'country'} page, but no content file explains it` });
  }
  return problems;
}
