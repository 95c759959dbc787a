import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReleases } from '../support/fixture-content.ts';
import { editorText, replaceEditorText, textEditor } from '../support/text-editor.ts';
import { openSession, type Session } from '../support/workbench-session.ts';

let session: Session;
let french: string;
beforeAll(async () => {
  session = await openSession();
  french = path.join(session.contentDir, 'releases', fixtureReleases.fourLanguages, 'fr.mdx');
});
afterAll(() => session.close());

/** Opens the French editor, types a line, and has "another editor" change the file on disk meanwhile. */
async function editWhileChangedOnDisk(mine: string, theirs: string): Promise<string> {
  const { page, workbench } = session;
  await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.fourLanguages}&lang=fr`);
  await replaceEditorText(page, `${await editorText(page)}\n${mine}\n`);
  const onDisk = `${readFileSync(french, 'utf8')}\n${theirs}\n`;
  writeFileSync(french, onDisk);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'The file changed on disk since you opened it' }).waitFor();
  return onDisk;
}

describe('saving a file that changed on disk since it was opened', () => {
  it('saves an untouched translation byte for byte as it was', async () => {
    const { page, workbench } = session;
    const before = readFileSync(french, 'utf8');
    await page.goto(`${workbench.origin}/edit?release=${fixtureReleases.fourLanguages}&lang=fr`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#message').getByText('Saved.').waitFor();
    expect(readFileSync(french, 'utf8')).toBe(before);
  });

  it('refuses to overwrite, shows both versions, and keeps mine only when asked', async () => {
    const { page } = session;
    const onDisk = await editWhileChangedOnDisk('Ma phrase.', 'Leur phrase.');
    expect(readFileSync(french, 'utf8')).toBe(onDisk);
    expect(await page.getByLabel('Your version').inputValue()).toContain('Ma phrase.');
    expect(await page.getByLabel('Version on disk').inputValue()).toContain('Leur phrase.');
    await page.getByRole('button', { name: 'Keep my version' }).click();
    await page.locator('#message').getByText('Saved.').waitFor();
    expect(await page.locator('#conflict').isHidden()).toBe(true);
    const saved = readFileSync(french, 'utf8');
    expect(saved).toContain('Ma phrase.');
    expect(saved).not.toContain('Leur phrase.');
  });

  it('takes the version on disk into the editor when the translator chooses it', async () => {
    const { page } = session;
    const onDisk = await editWhileChangedOnDisk('Encore ma phrase.', 'Leur autre phrase.');
    await page.getByRole('button', { name: 'Use the version on disk' }).click();
    await page.waitForLoadState('load');
    await textEditor(page).waitFor();
    expect(await editorText(page)).toContain('Leur autre phrase.');
    expect(await editorText(page)).not.toContain('Encore ma phrase.');
    // The editor shows it too (at the end of the text: CodeMirror draws the lines in view only).
    await textEditor(page).focus();
    await page.keyboard.press('ControlOrMeta+End');
    await textEditor(page).getByText('Leur autre phrase.').waitFor();
    expect(readFileSync(french, 'utf8')).toBe(onDisk);
    expect(session.pageErrors).toEqual([]);
  });
});
