import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/browser.ts';
import { editorText, replaceEditorText, textEditor } from '../support/text-editor.ts';
import { openSession, runContentTool, type Session } from '../support/workbench-session.ts';

const repoPages = path.resolve(import.meta.dirname, '../../../../../content/pages');
// The French the repository has for this page: typed back in, so the test puts no new words in the page's mouth.
const french = readFileSync(path.join(repoPages, 'who-we-are', 'fr.mdx'), 'utf8');
const frenchTitle = /^title: "(.*)"$/m.exec(french)![1]!;
const frenchBody = french.slice(french.indexOf('\n---\n', 3) + 5).trim();
const englishTitle = 'Who we are';

let session: Session;
beforeAll(async () => {
  // The copy lacks the French "Who we are".
  session = await openSession({ beforeStart: (contentDir) => rmSync(path.join(contentDir, 'pages', 'who-we-are', 'fr.mdx')) });
});
afterAll(() => session.close());

describe('translating a missing section page into French, in the browser', () => {
  it('lists the page under Section pages in the French queue, as a link named by its title', async () => {
    const { page } = session;
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/lang=fr/);
    const group = page.getByRole('region', { name: 'Section pages' });
    expect(await group.locator('#page-counts').textContent()).toContain('Section pages missing: 1');
    expect(await group.getByRole('link').allTextContents()).toEqual([englishTitle]);
    expect(await page.getByRole('region', { name: 'Releases' }).getByRole('link', { name: englishTitle }).count()).toBe(0);
    expect(await axeViolations(page)).toBe('');
    await group.getByRole('link', { name: englishTitle }).click();
    await page.waitForURL(/\/edit\?page=who-we-are&lang=fr/);
  });

  it('opens the editor with the title, summary and text, the menu place read only, and no release field', async () => {
    const { page } = session;
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(englishTitle);
    expect(await page.getByLabel('Summary', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Dateline place').count()).toBe(0);
    expect(await page.getByLabel('Image description (alternative text)').count()).toBe(0);
    const facts = await page.locator('.facts').textContent();
    expect(facts).toContain('Position in the menu1');
    expect(facts).toContain('Top level (under no other page)');
    expect(await page.locator('#translation-state').textContent()).toContain('does not exist yet');
    expect(await textEditor(page).getAttribute('lang')).toBe('fr');
    expect(await axeViolations(page)).toBe('');
  });

  it('shows a problem from the page checker, then saves fr.mdx as i18n:new would, and check:content accepts the copy', async () => {
    const { page, contentDir, workbench } = session;
    const english = (await editorText(page)).trim();
    await replaceEditorText(page, `\n${frenchBody} {total}\n`);
    await page.locator('#problems').getByText('curly braces').waitFor();
    await page.getByLabel('Title', { exact: true }).fill(frenchTitle);
    await replaceEditorText(page, `\n${frenchBody}\n`);
    await page.locator('#problems').getByText('No problems').waitFor();
    // The French column of the alignment shows what was typed, beside the English.
    expect(await page.locator('#alignment').textContent()).toContain(english.slice(0, 40));
    expect(await page.locator('#alignment').textContent()).toContain(frenchBody.slice(0, 40));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#message').getByText('Saved.').waitFor();
    expect(await page.locator('#translation-state').textContent()).toContain('Up to date');
    const written = readFileSync(path.join(contentDir, 'pages', 'who-we-are', 'fr.mdx'), 'utf8');
    expect(written).toContain(`title: "${frenchTitle}"`);
    expect(written).toContain('# Translation into fr of en.mdx.');
    expect(written).toMatch(/translationOf:\n {2}lang: en\n {2}hash: "[0-9a-f]{12}"/);
    expect(written).not.toContain('menu:');
    expect(workbench.pages.byId.get('who-we-are')!.states.fr).toBe('current');
    const check = runContentTool('check-content', contentDir);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it('passes axe on a section page editor in Arabic, right to left, with its place under another page', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/edit?page=what-we-do&lang=ar&ui=ar`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await textEditor(page, 'النص').getAttribute('dir')).toBe('rtl');
    const under = page.locator('.facts dd').nth(1);
    expect(await under.textContent()).toBe('Our Work');
    expect(await under.getAttribute('lang')).toBe('en');
    expect(await axeViolations(page)).toBe('');
    await page.goto(`${workbench.origin}/edit?page=what-we-do&lang=fr&ui=en`);
    expect(await axeViolations(page)).toBe('');
    expect(session.pageErrors).toEqual([]);
  });
});
