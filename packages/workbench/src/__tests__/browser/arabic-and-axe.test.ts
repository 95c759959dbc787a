import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReleases } from '../support/fixture-content.ts';
import { axeViolations } from '../support/browser.ts';
import { textEditor } from '../support/text-editor.ts';
import { openSession, type Session } from '../support/workbench-session.ts';

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(() => session.close());

describe('the workbench in Arabic, right to left', () => {
  it('shows the queue in Arabic, right to left, and passes axe', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/?lang=ar&ui=ar`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.getByLabel('اللغة', { exact: true }).inputValue()).toBe('ar');
    expect(await page.getByRole('link', { name: /New Helpline in Moldova/ }).count()).toBe(1);
    expect(await axeViolations(page)).toBe('');
  });

  it('keeps the interface language, writes Arabic right to left in the editor, and passes axe', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.noSpanish}&lang=ar`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const body = textEditor(page, 'النص');
    expect(await body.getAttribute('dir')).toBe('rtl');
    expect(await body.getAttribute('lang')).toBe('ar');
    // The direction CodeMirror measures and lays lines out by is the CSS one of its content, and the line numbers
    // stand at the start of the lines: on the right.
    expect(await body.evaluate((content) => getComputedStyle(content).direction)).toBe('rtl');
    const numbers = await page.locator('.cm-lineNumbers').boundingBox();
    const lines = await body.boundingBox();
    expect(numbers!.x).toBeGreaterThan(lines!.x + lines!.width - 1);
    // The component menu speaks Arabic too.
    expect(await page.getByLabel('المكوّن المراد إدراجه').count()).toBe(1);
    expect(await page.getByLabel('العنوان', { exact: true }).getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('button', { name: 'حفظ' }).count()).toBe(1);
    expect(await axeViolations(page)).toBe('');
  });

  it('passes axe on the English editor of an up-to-date translation too', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.fourLanguages}&lang=ar&ui=en`);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await textEditor(page).getAttribute('dir')).toBe('rtl');
    expect(await textEditor(page).evaluate((content) => getComputedStyle(content).direction)).toBe('rtl');
    expect(await axeViolations(page)).toBe('');
  });

  it('saves the lead image’s description, and passes axe with the image fields', async () => {
    const { page, workbench, contentDir } = session;
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.withImage}&lang=es&ui=en`);
    const alt = page.getByLabel('Image description (alternative text)');
    await alt.fill('Un bote de rescate naranja se acerca a una lancha neumática');
    expect(await axeViolations(page)).toBe('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#message').getByText('Saved.').waitFor();
    const written = readFileSync(path.join(contentDir, 'releases', fixtureReleases.withImage, 'es.mdx'), 'utf8');
    expect(written).toContain('imageAlt: "Un bote de rescate naranja se acerca a una lancha neumática"');
    // The caption field was left empty, as the file had it: no imageCaption line appears.
    expect(written).not.toContain('imageCaption');
  });

  it('can be used from the keyboard: the skip link, then the language choice', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/?lang=es&ui=en`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the main content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lang');
    expect(session.pageErrors).toEqual([]);
  });
});
