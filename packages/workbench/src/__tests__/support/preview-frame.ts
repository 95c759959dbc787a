import type { Frame, Page } from 'playwright-core';

/** The preview's document, once the editor's script has rendered into it. */
export async function previewFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('#preview-frame').elementHandle()).contentFrame();
  await frame!.locator('main article').waitFor();
  return frame!;
}

/** The body the preview shows, as the browser holds it, without the note that stands for the contacts. */
export const shownBody = (frame: Frame) =>
  frame.evaluate(() => {
    const body = document.querySelector('.release__body, .site-page__body')!.cloneNode(true) as HTMLElement;
    body.querySelectorAll(':scope > .contacts').forEach((note) => note.remove());
    return body.innerHTML;
  });

/** HTML as the same browser holds it once parsed: what `shownBody` is compared with. */
export const asParsed = (frame: Frame, html: string) =>
  frame.evaluate((text) => {
    const template = document.createElement('template');
    template.innerHTML = text;
    return template.innerHTML;
  }, html);
