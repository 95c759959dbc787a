import type { Locator, Page } from 'playwright-core';

/*
 * The translation's text is in CodeMirror, not in a <textarea>: these drive it as a translator does (focus, keys,
 * typed or pasted text) and read it as Save sends it.
 */

/** The text's editor: CodeMirror's content element, named by the "Text" label (`name` in another interface language). */
export function textEditor(page: Page, name = 'Text'): Locator {
  return page.getByLabel(name, { exact: true });
}

/** The text as Save sends it: the page's hidden <textarea>, which the editor keeps up to date on every change. */
export function editorText(page: Page): Promise<string> {
  return page.locator('textarea#body').inputValue();
}

/** Replaces the whole text from the keyboard: select all, then the text arrives as typed (or pasted) input. */
export async function replaceEditorText(page: Page, text: string, name = 'Text'): Promise<void> {
  await textEditor(page, name).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

/*
 * The editor wraps long lines, and End and ArrowDown move by the lines on screen: End goes to the next place a line
 * wraps, or to its end when none is left. Pressed this many times, it is at the end of any line the tests write.
 */
const wrapsAtMost = 12;

async function endOfLine(page: Page): Promise<void> {
  for (let press = 0; press < wrapsAtMost; press++) await page.keyboard.press('End');
}

/** Puts the cursor at the end of a line of the text (1-based, as the line numbers count), from the keyboard. */
export async function goToLineEnd(page: Page, line: number, name = 'Text'): Promise<void> {
  const editor = textEditor(page, name);
  await editor.focus();
  // The arrows move on screen: forward is left in a right-to-left text.
  const forward = (await editor.evaluate((content) => getComputedStyle(content).direction)) === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  await page.keyboard.press('ControlOrMeta+Home');
  for (let index = 1; index < line; index++) {
    await endOfLine(page);
    await page.keyboard.press(forward);
  }
  await endOfLine(page);
}
