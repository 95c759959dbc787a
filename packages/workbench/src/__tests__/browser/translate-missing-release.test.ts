import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReleases } from '../support/fixture-content.ts';
import { axeViolations } from '../support/browser.ts';
import { editorText, replaceEditorText, textEditor } from '../support/text-editor.ts';
import { openSession, runContentTool, type Session } from '../support/workbench-session.ts';

const englishTitle = 'New Helpline in Moldova Helps Jobseekers Check Offers Before They Travel';
const englishOpening =
  'People in the Republic of Moldova who are thinking of working abroad can now check a job offer before they accept\nit, by calling a free helpline set up by the International Organization for Migration (IOM) with the national\nauthorities responsible for employment and for combating trafficking in persons.';
const spanishTitle = 'Una nueva línea de ayuda en Moldova permite comprobar las ofertas de empleo antes de viajar';
const spanishOpening =
  'Las personas de la República de Moldova que piensan trabajar en el extranjero ya pueden comprobar una oferta de empleo antes de aceptarla, llamando a una línea de ayuda gratuita creada por la Organización Internacional para las Migraciones (OIM) con las autoridades nacionales responsables del empleo y de la lucha contra la trata de personas.';

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(() => session.close());

describe('translating a missing release into Spanish, in the browser', () => {
  it('lists the release as missing in the Spanish queue, as a link named by its title', async () => {
    const { page } = session;
    await page.getByLabel('Language', { exact: true }).selectOption('es');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/lang=es/);
    expect(await page.locator('#counts').textContent()).toContain('Missing: 1');
    expect(await axeViolations(page)).toBe('');
    await page.getByRole('link', { name: englishTitle }).click();
    await page.waitForURL(/\/edit\?/);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(englishTitle);
    expect(await textEditor(page).getAttribute('dir')).toBe('ltr');
    // Not a git checkout: no Commit button.
    expect(await page.getByRole('button', { name: 'Commit' }).count()).toBe(0);
    expect(await axeViolations(page)).toBe('');
  });

  it('shows a forbidden {…} as a problem at its line, with the fix, and clears it once fixed', async () => {
    const { page } = session;
    const text = await editorText(page);
    expect(text).toContain(englishOpening);
    await page.getByLabel('Title', { exact: true }).fill(spanishTitle);
    await replaceEditorText(page, text.replace(englishOpening, `${spanishOpening} Un total de {total} llamadas.`));
    const problems = page.locator('#problems');
    await problems.getByText('curly braces').waitFor();
    expect(await problems.textContent()).toMatch(/Text, line 2:.*Fix: /s);
    await replaceEditorText(page, text.replace(englishOpening, spanishOpening));
    await problems.getByText('No problems').waitFor();
  });

  it('saves es.mdx as i18n:new would have created it, and check:content accepts the copy', async () => {
    const { page, contentDir, workbench } = session;
    await page.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#message').getByText('Saved.').waitFor();
    const written = readFileSync(path.join(contentDir, 'releases', fixtureReleases.noSpanish, 'es.mdx'), 'utf8');
    expect(written).toContain(`title: "${spanishTitle}"`);
    expect(written).toContain('# Translation into es of en.mdx.');
    expect(written).toMatch(/translationOf:\n {2}lang: en\n {2}hash: "[0-9a-f]{12}"/);
    expect(written).toContain(spanishOpening);
    expect(workbench.index.byId.get(fixtureReleases.noSpanish)!.states.es).toBe('current');
    const check = runContentTool('check-content', contentDir);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
