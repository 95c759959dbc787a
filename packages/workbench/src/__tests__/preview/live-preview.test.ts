import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { contactsMarker } from '@iom/content-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/browser.ts';
import { fixtureReleases } from '../support/fixture-content.ts';
import { editorText, textEditor } from '../support/text-editor.ts';
import { asParsed, previewFrame, shownBody } from '../support/preview-frame.ts';
import { openSession, type Session } from '../support/workbench-session.ts';
import { siteRendering } from './site-rendering.ts';

let session: Session;
beforeAll(async () => {
  // An image beside a release, as `./photo.jpg` names it in a text.
  session = await openSession({ beforeStart: (contentDir) => copyFileSync(path.join(contentDir, 'media/sample/rescue-boat.jpg'), path.join(contentDir, 'releases', fixtureReleases.withImage, 'photo.jpg')) });
});
afterAll(() => session.close());

/** Types at the end of the text, as a translator does (the text ends with a line feed). */
async function typeAtEnd(page: Page, text: string, name = 'Text'): Promise<void> {
  await textEditor(page, name).focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(text);
}

describe('the live preview, rendered by the site’s renderer with the site’s stylesheet', () => {
  it('shows a typed sentence and a PullQuote in Spanish as the site renders them', async () => {
    const { page, workbench, contentDir } = session;
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.fourLanguages}&lang=es&ui=es`);
    const frame = await previewFrame(page);
    expect(await frame.locator('html').getAttribute('lang')).toBe('es');
    expect(await frame.locator('html').getAttribute('dir')).toBe('ltr');
    await typeAtEnd(page, '\n\nUna frase nueva para la vista previa.\n\n<PullQuote cite="Una portavoz de la OIM">Salvar vidas en el mar es lo primero.</PullQuote>\n', 'Texto');
    const quote = frame.locator('figure.c-pull-quote', { hasText: 'Salvar vidas en el mar es lo primero.' });
    await quote.waitFor();
    expect(await frame.locator('.release__body p', { hasText: 'Una frase nueva para la vista previa.' }).count()).toBe(1);
    expect(await quote.locator('blockquote').textContent()).toContain('Salvar vidas en el mar es lo primero.');
    expect(await quote.locator('figcaption').textContent()).toContain('Una portavoz de la OIM');
    // The whole body is what the site's renderer gives for the same text, element for element.
    const body = await editorText(page);
    expect(await shownBody(frame)).toBe(await asParsed(frame, siteRendering(contentDir, 'es', body).replace(contactsMarker, '')));
    // The site's stylesheet draws the quote's rule at the start of the line: on the left.
    const rule = await quote.evaluate((figure) => ({ left: getComputedStyle(figure).borderLeftWidth, right: getComputedStyle(figure).borderRightWidth }));
    expect(rule).toEqual({ left: '4px', right: '0px' });
    // The title field is shown as the page's heading as it is typed.
    await page.getByLabel('Título', { exact: true }).fill('Un título de prueba');
    await frame.locator('h1.p-name', { hasText: 'Un título de prueba' }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it('shows Arabic right to left, the quote’s rule on the right, and passes axe with the preview open', async () => {
    const { page, workbench, contentDir } = session;
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.noSpanish}&lang=ar&ui=ar`);
    const frame = await previewFrame(page);
    expect(await frame.locator('html').getAttribute('lang')).toBe('ar');
    expect(await frame.locator('html').getAttribute('dir')).toBe('rtl');
    await typeAtEnd(page, '\n\nجملة جديدة تظهر في المعاينة.\n\n<PullQuote cite="متحدثة باسم المنظمة">إنقاذ الأرواح في البحر يأتي أولاً.</PullQuote>\n', 'النص');
    // Waited for by its words: the source's text may hold a quote of its own.
    const quote = frame.locator('figure.c-pull-quote', { hasText: 'إنقاذ الأرواح في البحر يأتي أولاً.' });
    await quote.waitFor();
    expect(await frame.locator('.release__body p', { hasText: 'جملة جديدة تظهر في المعاينة.' }).count()).toBe(1);
    expect(await quote.locator('figcaption').textContent()).toContain('متحدثة باسم المنظمة');
    expect(await quote.evaluate((figure) => getComputedStyle(figure).direction)).toBe('rtl');
    const rule = await quote.evaluate((figure) => ({ left: getComputedStyle(figure).borderLeftWidth, right: getComputedStyle(figure).borderRightWidth }));
    expect(rule).toEqual({ left: '0px', right: '4px' });
    expect(await shownBody(frame)).toBe(await asParsed(frame, siteRendering(contentDir, 'ar', await editorText(page)).replace(contactsMarker, '')));
    expect(await page.getByRole('button', { name: 'إخفاء المعاينة' }).getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(page)).toBe('');
    expect(session.pageErrors).toEqual([]);
  });

  it('passes axe in English with the preview open', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.withImage}&lang=fr&ui=en`);
    await previewFrame(page);
    expect(await page.locator('#preview-content').isVisible()).toBe(true);
    expect(await axeViolations(page)).toBe('');
  });

  it('is shown and hidden from the keyboard, and remembers the choice', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.fourLanguages}&lang=fr&ui=en`);
    await previewFrame(page);
    const toggle = page.getByRole('button', { name: 'Hide the preview' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#preview-frame').isVisible()).toBe(false);
    expect(await page.locator('#preview-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#preview-toggle').textContent()).toBe('Show the preview');
    await page.reload();
    expect(await page.getByRole('button', { name: 'Show the preview' }).getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: 'Show the preview' }).focus();
    await page.keyboard.press('Space');
    expect(await page.locator('#preview-frame').isVisible()).toBe(true);
    expect(await page.locator('#preview-toggle').getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the lead image and an image beside the release through the workbench, asking no other server', async () => {
    const { page, workbench } = session;
    const asked: string[] = [];
    page.on('request', (request) => asked.push(request.url()));
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.withImage}&lang=es&ui=en`);
    const frame = await previewFrame(page);
    await typeAtEnd(page, '\n![Un bote de rescate](./photo.jpg)\n');
    const photo = frame.locator('.release__body img[alt="Un bote de rescate"]');
    await photo.waitFor();
    await frame.waitForFunction(() => [...document.images].every((image) => image.complete));
    expect(await photo.getAttribute('src')).toBe(`/release-media/${fixtureReleases.withImage}/photo.jpg`);
    expect(await photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    const lead = frame.locator('.release__lead img');
    expect(await lead.getAttribute('src')).toBe('/media/sample/rescue-boat.jpg');
    expect(await lead.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    expect(asked.every((url) => url.startsWith(workbench.origin) || url.startsWith('about:'))).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps the last good text in view while the text has a problem, and says so', async () => {
    const { page, workbench } = session;
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.fourLanguages}&lang=es&ui=en`);
    const frame = await previewFrame(page);
    await typeAtEnd(page, '\nUna frase sin problemas.\n');
    await frame.locator('.release__body p', { hasText: 'Una frase sin problemas.' }).waitFor();
    await typeAtEnd(page, '\nEn {2016} no.\n');
    await page.locator('#preview-stale').getByText('The text has problems').waitFor();
    expect(await frame.locator('.release__body p', { hasText: 'Una frase sin problemas.' }).count()).toBe(1);
    expect(await frame.locator('.release__body', { hasText: 'En 2016 no.' }).count()).toBe(0);
  });
});
