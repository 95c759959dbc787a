import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLine } from '../../translation-draft.ts';
import { axeViolations } from '../support/browser.ts';
import { fixtureReleases } from '../support/fixture-content.ts';
import { editorText, goToLineEnd, textEditor } from '../support/text-editor.ts';
import { openSession, runContentTool, type Session } from '../support/workbench-session.ts';

const release = fixtureReleases.noSpanish;
const file = `content/releases/${release}/es.mdx`;
const typed = ' Un total de {total} llamadas.';
const fixed = ' Un total de muchas llamadas.';

let session: Session;
beforeAll(async () => {
  session = await openSession();
  await session.page.goto(`${session.workbench.origin}/edit?release=${release}&lang=es&ui=en`);
});
afterAll(() => session.close());

/** The text of the editor's lines that carry a problem mark, as the translator sees them underlined. */
const markedLines = () => session.page.evaluate(() => [...document.querySelectorAll('.cm-lintRange-error')].map((mark) => mark.closest('.cm-line')?.textContent ?? ''));

/** The line number shown beside the gutter's problem mark. */
async function lineNumberBesideMark(): Promise<string | undefined> {
  return session.page.evaluate(() => {
    const mark = document.querySelector('.cm-lint-marker-error')?.closest('.cm-gutterElement');
    const top = mark?.getBoundingClientRect().top;
    const numbers = [...document.querySelectorAll('.cm-lineNumbers .cm-gutterElement')];
    return numbers.find((number) => number.getBoundingClientRect().top === top)?.textContent ?? undefined;
  });
}

describe('problems shown in the text as it is typed, by the browser’s checker', () => {
  it('marks a forbidden {…} at its line as it is typed, with check:content’s message', async () => {
    const { page, contentDir } = session;
    await goToLineEnd(page, 2);
    const line = (await editorText(page)).split('\n')[1]!;
    // Typed key by key, as a translator does.
    await page.keyboard.type(typed);
    await page.locator('.cm-lintRange-error').first().waitFor();
    expect(await markedLines()).toEqual([`${line}${typed}`]);
    expect(await lineNumberBesideMark()).toBe('2');
    expect(await page.locator('#problems').textContent()).toMatch(/Problems: 1\..*Text, line 2: Text in curly braces/s);
    // The message in the lint panel, opened from the keyboard.
    await page.keyboard.press('ControlOrMeta+Shift+KeyM');
    const diagnostic = page.locator('.cm-panel-lint .cm-diagnostic').first();
    await diagnostic.waitFor();
    const shown = await diagnostic.locator('[lang="en"]').first().textContent();
    expect(await axeViolations(page)).toBe('');
    await page.keyboard.press('Escape');

    // Save still works, and says the build will stop; check:content then reports the same message at that line.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#message').getByText('The file has problems').waitFor();
    const check = runContentTool('check-content', contentDir);
    expect(check.status).toBe(1);
    // `file:line:column  field: message`, as formatContentIssue writes it.
    const reported = check.stderr.split('\n').find((printed) => printed.startsWith(`${file}:`));
    expect(reported?.endsWith(`: ${shown}`)).toBe(true);
    const saved = readFileSync(path.join(contentDir, 'releases', release, 'es.mdx'), 'utf8');
    expect(bodyLine(saved, Number(reported!.split(':')[1]))).toBe(2);
  });

  it('clears the mark and the list once the braces are gone, and check:content agrees', async () => {
    const { page, contentDir } = session;
    await goToLineEnd(page, 2);
    for (let index = 0; index < typed.length; index++) await page.keyboard.press('Backspace');
    await page.keyboard.type(fixed);
    expect((await editorText(page)).split('\n')[1]!.endsWith(`accept${fixed}`)).toBe(true);
    await page.locator('#problems').getByText('No problems').waitFor();
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    expect(await page.locator('.cm-lint-marker-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Save' }).click();
    // Exactly: the message of the first save began with "Saved." too.
    await page.locator('#message').getByText('Saved.', { exact: true }).waitFor();
    expect(readFileSync(path.join(contentDir, 'releases', release, 'es.mdx'), 'utf8')).toContain(`accept${fixed}\n`);
    expect(runContentTool('check-content', contentDir).status).toBe(0);
  });

  it('inserts a component from the menu with the keyboard, and marks its empty values until they are filled', async () => {
    const { page } = session;
    await goToLineEnd(page, 4);
    const menu = page.getByLabel('Component to insert');
    await menu.focus();
    await menu.selectOption('Statistic');
    await page.getByRole('button', { name: 'Insert' }).focus();
    await page.keyboard.press('Enter');
    // The cursor waits in the first value, in the editor.
    await page.keyboard.type('muchas');
    expect(await editorText(page)).toContain('\n\n<Statistic value="muchas" label="" />\n');
    await page.locator('#problems').getByText('The label attribute of <Statistic> is empty').waitFor();
    expect((await markedLines()).every((line) => line.startsWith('<Statistic'))).toBe(true);
    // Past the value's closing quote and ` label="`.
    for (const _ of '" label="') await page.keyboard.press('ArrowRight');
    await page.keyboard.type('llamadas atendidas');
    await page.locator('#problems').getByText('No problems').waitFor();
  });

  it('lets Tab leave the text for the next control: no keyboard trap', async () => {
    const { page } = session;
    await textEditor(page).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('save');
    expect(session.pageErrors).toEqual([]);
  });
});
