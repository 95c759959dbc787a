import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReleases } from '../support/fixture-content.ts';
import { axeViolations } from '../support/browser.ts';
import { editorText, replaceEditorText } from '../support/text-editor.ts';
import { openSession, runContentTool, type Session } from '../support/workbench-session.ts';

const release = fixtureReleases.noSpanish;
const before = 'Trained counsellors answer calls and messages in Romanian and Russian.';
// A change of wording only, in the copy: the test must not put new facts in the source's mouth.
const after = 'Trained counsellors answer calls and messages, in Romanian and in Russian.';

let session: Session;
beforeAll(async () => {
  session = await openSession({
    git: true,
    // The source changes after the translation was made (and after the fixture's commit): the French goes out of date.
    beforeStart: (contentDir) => {
      const english = path.join(contentDir, 'releases', release, 'en.mdx');
      writeFileSync(english, readFileSync(english, 'utf8').replace(before, after));
    },
  });
});
afterAll(() => session.close());

describe('bringing an out-of-date French translation up to date', () => {
  it('lists it as out of date, and marks the changed section with a word diff of the source', async () => {
    const { page } = session;
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/lang=fr/);
    expect(await page.locator('#counts').textContent()).toContain('Out of date: 1');
    // How much changed, beside the entry: its link is still named by the title alone.
    const entry = page.locator('.queue-item', { has: page.getByRole('link', { name: 'New Helpline in Moldova Helps Jobseekers Check Offers Before They Travel', exact: true }) });
    expect(await entry.locator('.size').textContent()).toMatch(/^Changed: 1 of 3 sections · Words in them: \d+$/);
    expect(await axeViolations(page)).toBe('');
    await page.getByRole('link', { name: /New Helpline in Moldova/ }).click();
    await page.waitForURL(/\/edit\?/);
    expect(await page.locator('#translation-state').textContent()).toContain('Out of date');
    const changed = page.locator('.pair.changed');
    expect(await changed.count()).toBe(1);
    expect(await changed.locator('h3').textContent()).toBe('How the helpline works');
    expect(await changed.locator('.change-flag').textContent()).toBe('Changed in the source since the translation');
    // Only the changed words are marked: the comma and the second "in".
    expect((await changed.locator('ins').allTextContents()).join('|')).toMatch(/^[^|]*,[^|]*\| ?in ?$/);
    expect(await changed.locator('.diff').textContent()).toContain('Romanian');
    expect(await axeViolations(page)).toBe('');
  });

  it('saves the update, marks it up to date as i18n:done would, and i18n:status agrees', async () => {
    const { page, contentDir } = session;
    const french = 'Des conseillers formés répondent aux appels et aux messages en roumain et en russe.';
    const text = await editorText(page);
    expect(text).toContain(french);
    await replaceEditorText(page, text.replace(french, 'Des conseillers formés répondent aux appels et aux messages, en roumain et en russe.'));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#message').getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Mark up to date' }).click();
    await page.locator('#message').getByText('Marked as up to date').waitFor();
    expect(await page.locator('#translation-state').textContent()).toContain('Up to date');
    expect(await page.locator('.pair.changed').count()).toBe(0);

    const status = runContentTool('i18n-status', contentDir, ['--json', '--lang', 'fr']);
    expect(status.status).toBe(0);
    const report = JSON.parse(status.stdout) as { languages: { fr: { counts: { stale: number }; stale: unknown[] } } };
    expect(report.languages.fr.stale).toEqual([]);
    expect(report.languages.fr.counts.stale).toBe(0);
    expect(readFileSync(path.join(contentDir, 'releases', release, 'fr.mdx'), 'utf8')).toContain('messages, en roumain');
    expect(runContentTool('check-content', contentDir).status).toBe(0);
  });

  it('commits that one file, and nothing else, with a message naming the release', async () => {
    const { page, contentDir } = session;
    await page.getByRole('button', { name: 'Commit' }).click();
    await page.locator('#message').getByText('Committed: Update the fr translation of 2025/moldova-safe-work-helpline').waitFor();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: path.dirname(contentDir), encoding: 'utf8' });
    expect(git('log', '-1', '--name-only', '--format=%s%n%an')).toBe(`Update the fr translation of ${release}\nWorkbench test\n\ncontent/releases/${release}/fr.mdx\n`);
    // The English edit made outside the workbench is still there, uncommitted.
    expect(git('status', '--porcelain')).toBe(` M content/releases/${release}/en.mdx\n`);
    expect(session.pageErrors).toEqual([]);
  });
});
