import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prepareFile } from '@iom/content-model/prepare';
import { readSiteContent } from '@iom/content-model/node';
import type { ContentIssue } from '@iom/safe-mdx';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserBundleOptions } from '../../client-assets.ts';
import { draftProblems, type DraftPlace } from '../../translation-draft.ts';
import { launchChromium } from '../support/browser.ts';
import { fixtureReleases, makeFixtureContent } from '../support/fixture-content.ts';

/*
 * A differential test: the checker the editor runs in the browser (translation-draft.ts over content-model's
 * ./check, bundled with the workbench's own esbuild options and run in Chromium) against the server's
 * (draftProblems with prepareFile) and against what pnpm check:content reports for the same file
 * (readSiteContent, which the command prints). Same issues: files, lines, columns, fields, messages, fixes.
 * What needs other files (an image's file exists, a source exists, slugs are unique) is check:content's only, as
 * the workbench's README says; the documents here break the file itself.
 */

const fixture = makeFixtureContent();
const releaseDir = path.join(fixture.contentDir, 'releases', fixtureReleases.fourLanguages);
const spanish = readFileSync(path.join(releaseDir, 'es.mdx'), 'utf8');
const arabic = readFileSync(path.join(releaseDir, 'ar.mdx'), 'utf8');
const [year, key] = fixtureReleases.fourLanguages.split('/') as [string, string];
const placeOf = (lang: 'es' | 'ar'): DraftPlace => ({ kind: 'release', file: `content/releases/${fixtureReleases.fourLanguages}/${lang}.mdx`, year, key, lang });
const opening = 'La OIM, en coordinación con la Agencia de la ONU';

/** Broken translations, each as a change to the Spanish or Arabic file of the fixture. */
const documents: { name: string; lang: 'es' | 'ar'; text: string }[] = [
  { name: 'an expression in braces', lang: 'es', text: spanish.replace(opening, `En {2016}, ${opening}`) },
  { name: 'an import line', lang: 'es', text: spanish.replace(opening, `import Map from "./map.js"\n\n${opening}`) },
  { name: 'an unknown component, close to a known one', lang: 'es', text: spanish.replace('<Statistic ', '<Statistc ') },
  // An image that exists: whether a file is there is check:content's alone (the browser has no file system).
  { name: 'a Figure without its description', lang: 'es', text: spanish.replace('<Contacts />', '<Figure src="/media/sample/rescue-boat.jpg" />\n\n<Contacts />') },
  { name: 'an unclosed component', lang: 'es', text: spanish.replace(opening, `<Callout>\n\n${opening}`) },
  { name: 'a javascript: link and an HTML tag', lang: 'es', text: spanish.replace(opening, `[informe](javascript:abrir()) <div>${opening}</div>`) },
  { name: 'quotations nested too deeply', lang: 'es', text: spanish.replace(opening, `${'> '.repeat(40)}${opening}`) },
  { name: 'an invisible control character', lang: 'es', text: spanish.replace(opening, `\u0007${opening}`) },
  { name: 'an empty title', lang: 'es', text: spanish.replace(/^title: .*$/m, 'title: ""') },
  { name: 'a misspelt field', lang: 'es', text: spanish.replace(/^datelinePlace:/m, 'datelinePlaec:') },
  { name: 'a frontmatter that is not YAML', lang: 'es', text: spanish.replace(/^title: "(.*)"$/m, 'title: "$1') },
  { name: 'an Arabic text with an expression, right to left', lang: 'ar', text: arabic.replace(/\n\n([^\n<]{20})/, '\n\n{عدد} $1') },
];

let browser: Browser;
let page: Page;
beforeAll(async () => {
  // The browser's checker, bundled as the editor's script is (platform browser: a Node built-in fails here).
  const bundle = await build({
    ...browserBundleOptions,
    stdin: { contents: "export { draftProblems } from './translation-draft.ts';", resolveDir: path.resolve(import.meta.dirname, '../..'), loader: 'ts' },
    format: 'iife',
    globalName: 'browserChecker',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>checker</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
});
afterAll(async () => {
  await browser.close();
  fixture.remove();
});

function inBrowser(place: DraftPlace, text: string): Promise<ContentIssue[]> {
  return page.evaluate(([where, what]) => (window as unknown as { browserChecker: { draftProblems: typeof draftProblems } }).browserChecker.draftProblems(where, what), [place, text] as const);
}

/** What pnpm check:content reports for that file once the text is saved in the copy. */
async function checkContentIssues(place: DraftPlace, text: string): Promise<ContentIssue[]> {
  const file = path.join(path.dirname(fixture.contentDir), place.file);
  const before = readFileSync(file, 'utf8');
  writeFileSync(file, text);
  try {
    const { issues } = await readSiteContent({ contentDir: fixture.contentDir, displayRoot: path.dirname(fixture.contentDir) });
    return issues.filter((issue) => issue.file === place.file);
  } finally {
    writeFileSync(file, before);
  }
}

describe('the browser’s checker, the server’s and check:content, on broken translations', () => {
  it('agree that the fixture’s translations have no problem', async () => {
    for (const lang of ['es', 'ar'] as const) {
      const text = lang === 'es' ? spanish : arabic;
      expect(await inBrowser(placeOf(lang), text)).toEqual([]);
      expect(draftProblems(placeOf(lang), text, prepareFile)).toEqual([]);
    }
  });

  it.each(documents)('$name: the same problems, at the same places, with the same words', async ({ lang, text }) => {
    const place = placeOf(lang);
    const browserIssues = await inBrowser(place, text);
    expect(browserIssues.length).toBeGreaterThan(0);
    expect(browserIssues).toEqual(draftProblems(place, text, prepareFile));
    expect(browserIssues).toEqual(await checkContentIssues(place, text));
  });
});
