import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/browser.ts';
import { openSession, type Session } from '../support/workbench-session.ts';

let session: Session;
const file = (lang: string) => path.join(session.contentDir, 'i18n', `${lang}.yaml`);
/** Another program (a git pull, another editor) changes the file while the page is open. */
const changeOnDisk = (lang: string, from: string, to: string) => writeFileSync(file(lang), readFileSync(file(lang), 'utf8').replace(from, to));

beforeAll(async () => {
  session = await openSession({ git: true });
});
afterAll(() => session.close());

describe('the UI strings page when the file changed on disk', () => {
  it('shows the text on disk beside the translator’s, key by key, and saves the version chosen', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/strings?lang=fr&ui=en`);
    await page.getByLabel('home.latest', { exact: true }).fill('Les dernières nouvelles');
    await page.getByLabel('news.title', { exact: true }).fill('Actualité');
    changeOnDisk('fr', 'home.latest: Dernières actualités', 'home.latest: À la une');
    changeOnDisk('fr', 'home.allNews: Toutes les actualités', 'home.allNews: Voir toutes les actualités');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('region', { name: 'The file changed on disk since you opened it' });
    await conflict.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('strings-conflict-heading');
    expect(await page.locator('#message').textContent()).toBe('Not saved: some of these texts changed on disk since you opened the page. Choose which version to keep, below.');
    // Only the key both changed is a conflict: news.title changed on the page only, home.allNews on disk only.
    const group = conflict.getByRole('group', { name: 'home.latest' });
    expect(await conflict.getByRole('group').count()).toBe(1);
    expect(await group.locator('.string-version').allTextContents()).toEqual(['Les dernières nouvelles', 'À la une']);
    expect(await group.getByRole('radio', { name: 'Keep my version' }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toBe('');
    await group.getByRole('radio', { name: 'Use the version on disk' }).check();
    await page.getByRole('button', { name: 'Save these choices' }).click();
    await page.locator('#message').getByText('Saved.', { exact: true }).waitFor();
    expect(await conflict.isHidden()).toBe(true);
    const onDisk = readFileSync(file('fr'), 'utf8');
    expect(onDisk).toContain('home.latest: À la une\n');
    expect(onDisk).toContain('home.allNews: Voir toutes les actualités\n');
    expect(onDisk).toContain('news.title: Actualité\n');
    // The page now shows the file's texts, the other program's change included.
    expect(await page.getByLabel('home.latest', { exact: true }).inputValue()).toBe('À la une');
    expect(await page.getByLabel('home.allNews', { exact: true }).inputValue()).toBe('Voir toutes les actualités');
  });

  it('keeps the translator’s text when chosen', async () => {
    const { page } = session;
    await page.getByLabel('home.latest', { exact: true }).fill('Dernières nouvelles');
    changeOnDisk('fr', 'home.latest: À la une', 'home.latest: En bref');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Save these choices' }).click();
    await page.locator('#message').getByText('Saved.', { exact: true }).waitFor();
    expect(readFileSync(file('fr'), 'utf8')).toContain('home.latest: Dernières nouvelles\n');
  });

  it('removes an emptied text from the file, so the site shows English', async () => {
    const { page } = session;
    expect(await page.getByText('To remove a text, empty its box and save').count()).toBe(1);
    await page.getByLabel('search.submit', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('#message').getByText('Saved.', { exact: true }).waitFor();
    expect(readFileSync(file('fr'), 'utf8')).not.toContain('search.submit');
  });

  it('commits the language’s file, and only it', async () => {
    const { page, contentDir } = session;
    await page.getByLabel('home.allNews', { exact: true }).fill('Toutes les nouvelles');
    await page.getByRole('button', { name: 'Commit' }).click();
    await page.locator('#message').getByText('Committed: Update the fr interface texts of the site').waitFor();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: path.dirname(contentDir), encoding: 'utf8' });
    expect(git('log', '-1', '--name-only', '--format=%s')).toBe('Update the fr interface texts of the site\n\ncontent/i18n/fr.yaml\n');
    expect(git('show', 'HEAD:content/i18n/fr.yaml')).toContain('home.allNews: Toutes les nouvelles\n');
    expect(git('status', '--porcelain')).toBe('');
  });

  it('passes axe in Arabic, right to left, with both versions shown', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/strings?lang=ar&ui=ar`);
    await page.getByLabel('home.latest', { exact: true }).fill('أحدث الأخبار');
    changeOnDisk('ar', 'home.latest: آخر الأخبار', 'home.latest: الأخبار الأخيرة');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    const group = page.getByRole('group', { name: 'home.latest' });
    await group.waitFor();
    expect(await group.locator('.string-version').first().getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(page)).toBe('');
    // Chromium logs each 409 as a failed request; the conflict is the behaviour under test.
    expect(session.pageErrors).toEqual([]);
  });
});

describe('the UI strings page when en.yaml is broken', () => {
  it('names the file and the line, and passes axe in English and in Arabic', async () => {
    const { page, workbench } = session;
    const good = readFileSync(file('en'), 'utf8');
    writeFileSync(file('en'), good.replace('nav.news: News', 'nav.news: News\nnav.news: Again'));
    try {
      const line = good.split('\n').indexOf('nav.news: News') + 2;
      expect((await page.goto(`${workbench.origin}/strings?lang=fr&ui=en`))?.status()).toBe(422);
      expect(await page.locator('main code').first().textContent()).toBe(`content/i18n/en.yaml:${line}:1`);
      expect(await page.locator('main').textContent()).toContain('Each key may appear only once');
      expect(await axeViolations(page)).toBe('');
      await page.goto(`${workbench.origin}/strings?lang=fr&ui=ar`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await axeViolations(page)).toBe('');
    } finally {
      writeFileSync(file('en'), good);
    }
  });
});
