import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords, sourceChange } from '../../change-size.ts';
import { startWorkbench, type Workbench } from '../../server.ts';
import { readDraftFields } from '../../translation-draft.ts';
import { fixtureReleases, makeFixtureContent } from '../support/fixture-content.ts';
import { pageClient } from '../support/page-client.ts';

describe('counting how much a source changed', () => {
  it('counts the changed and new sections by heading, out of the sections now, and the words in them', () => {
    expect(sourceChange('Intro.\n\n## Aid\n\nFood.', 'Intro.\n\n## Aid\n\nFood and water.\n\n## Next\n\nMore.')).toEqual({ kind: 'changed', sections: 2, of: 3, removed: 0, words: 6 });
  });

  it('counts removed sections apart, and whitespace is no change', () => {
    expect(sourceChange('Intro.\n\n## Aid\n\nFood.\n\n## Old\n\nGone.', 'Intro.\n\n## Aid\n\nFood.\n')).toEqual({ kind: 'changed', sections: 0, of: 2, removed: 1, words: 0 });
    expect(sourceChange('Intro   text.\n\n## Aid\n\nFood.', 'Intro\ntext.\n\n## Aid\n\nFood.')).toEqual({ kind: 'changed', sections: 0, of: 2, removed: 0, words: 0 });
    // The untitled opening section is matched too.
    expect(sourceChange('Intro.\n\n## Aid\n\nFood.', 'New intro.\n\n## Aid\n\nFood.')).toEqual({ kind: 'changed', sections: 1, of: 2, removed: 0, words: 2 });
  });

  it('counts words in any script, not link targets nor component and attribute names', () => {
    expect(countWords('Read [the report](https://example.org/a-long/path) now.')).toBe(4);
    expect(countWords('<PullQuote cite="The chief">\nA call helps.\n</PullQuote>')).toBe(5);
    expect(countWords('أعلنت المنظمة الدولية للهجرة اليوم')).toBe(5);
    expect(countWords('l’OIM, aujourd’hui : 2 731 décès.')).toBe(5);
  });
});

const release = fixtureReleases.noSpanish;
const sourceFile = () => path.join(fixture.contentDir, 'releases', release, 'en.mdx');
let fixture: ReturnType<typeof makeFixtureContent>;
let workbench: Workbench;
let getPage: (pathname: string) => Promise<string>;

beforeAll(async () => {
  fixture = makeFixtureContent({ git: true });
  // One sentence of one of the source's three sections changes after the French was made (and committed).
  writeFileSync(sourceFile(), readFileSync(sourceFile(), 'utf8').replace('in Romanian and Russian. They help', 'in Romanian, Russian and Ukrainian. They help'));
  workbench = await startWorkbench({ contentDir: fixture.contentDir, port: 0 });
  getPage = pageClient(workbench);
});
afterAll(async () => {
  await workbench.close();
  fixture.remove();
});

/** The text of the queue entry whose link names the release, tags removed. */
const entryText = (html: string, title: string) => {
  const item = html.split('<li class="queue-item').find((part) => part.includes(title));
  return item?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
};

describe('the queue says how much work each entry is', () => {
  it('an out-of-date translation: the sections changed since its version, from git history', async () => {
    const html = await getPage('/?lang=fr&ui=en');
    const text = entryText(html, 'New Helpline in Moldova');
    const section = readFileSync(sourceFile(), 'utf8').split('## How the helpline works')[1]!.split('## Reaching')[0]!;
    expect(text).toContain(`Out of date · English · Changed: 1 of 3 sections · Words in them: ${countWords(`How the helpline works ${section}`)}`);
  });

  it('a missing translation: the words of the source, so small jobs can be picked', async () => {
    const html = await getPage('/?lang=es&ui=en');
    const fields = readDraftFields(readFileSync(sourceFile(), 'utf8'))!;
    const words = countWords(`${fields.title} ${fields.summary} ${fields.body}`);
    expect(words).toBeGreaterThan(300);
    expect(entryText(html, 'New Helpline in Moldova')).toContain(`Missing · English · Words in the source: ${words.toLocaleString('en')}`);
  });

  it('in the interface language, and the link is still named by the title alone', async () => {
    const html = await getPage('/?lang=fr&ui=ar');
    expect(entryText(html, 'New Helpline in Moldova')).toContain('الأقسام المتغيّرة: ');
    expect(html).toMatch(/<a href="\/edit\?release=2025%2Fmoldova-safe-work-helpline&#38;lang=fr" lang="en" dir="ltr">New Helpline in Moldova Helps Jobseekers Check Offers Before They Travel<\/a>/);
    expect(entryText(await getPage('/?lang=fr&ui=es'), 'New Helpline in Moldova')).toContain('Secciones cambiadas: 1 de 3');
  });
});

describe('when the time a queue page may spend counting is used up', () => {
  let quick: Workbench;
  beforeAll(async () => {
    quick = await startWorkbench({ contentDir: fixture.contentDir, port: 0, countingBudgetMs: 0 });
  });
  afterAll(() => quick.close());

  it('says the entry changed and is still being counted, then counts it in the background', async () => {
    const get = pageClient(quick);
    expect(entryText(await get('/?lang=fr&ui=en'), 'New Helpline in Moldova')).toContain('Changed (still counting how much: reload the page in a moment)');
    let text: string | undefined;
    for (let attempt = 0; attempt < 100 && !text?.includes('Changed: 1 of 3 sections'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      text = entryText(await get('/?lang=fr&ui=en'), 'New Helpline in Moldova');
    }
    expect(text).toContain('Changed: 1 of 3 sections');
  });
});

describe('without git history', () => {
  let plain: ReturnType<typeof makeFixtureContent>;
  let noGit: Workbench;
  beforeAll(async () => {
    plain = makeFixtureContent();
    const english = path.join(plain.contentDir, 'releases', release, 'en.mdx');
    writeFileSync(english, readFileSync(english, 'utf8').replace('in Romanian and Russian. They help', 'in Romanian, Russian and Ukrainian. They help'));
    noGit = await startWorkbench({ contentDir: plain.contentDir, port: 0 });
  });
  afterAll(async () => {
    await noGit.close();
    plain.remove();
  });

  it('says "changed" without a number', async () => {
    const text = entryText(await pageClient(noGit)('/?lang=fr&ui=en'), 'New Helpline in Moldova');
    expect(text).toContain('Out of date · English · Changed (how much is not known');
    expect(text).not.toMatch(/\d+ of \d+ sections/);
  });
});
