import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSiteContent, readSiteContent, type SiteContentSession } from '../../read-site-content.ts';

const repoContent = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../content');
const work = mkdtempSync(path.join(tmpdir(), 'site-content-session-'));
const dir = path.join(work, 'content');
// Rendered in each language with its own words, as the site does, so bodies are compared too.
const options = {
  contentDir: dir,
  displayRoot: work,
  render: (_lang: string, strings: Record<string, string>) => ({ labels: { source: strings['release.sourceLabel']!, footnotes: strings['release.footnotes']!, backToContent: strings['release.backToContent']! }, base: '/', contactsMarker: '<!--contacts-->' }),
};
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seed = path.join(dir, 'releases/2016/iom-unhcr-train-libyan-partners');
const covid = path.join(dir, 'releases/2020/migrants-in-covid-19-response-statement');
const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

let session: SiteContentSession;
beforeAll(async () => {
  cpSync(repoContent, dir, { recursive: true });
  session = await openSiteContent(options);
});

/** After each change, what the session read equals what reading everything again gives. */
async function expectSameAsFullRead(changed: string[]) {
  const updated = await session.update(changed);
  const fresh = await readSiteContent(options);
  expect(updated.issues).toEqual(fresh.issues);
  expect(updated.content).toEqual(fresh.content);
  expect(updated.bodies).toEqual(fresh.bodies);
  return updated;
}

describe('content read again after a change, one file at a time', () => {
  it('starts equal to a full read, with no problems in the real content', async () => {
    expect(session.read.issues).toEqual([]);
    expect(session.read).toEqual(await readSiteContent(options));
  });

  it('shows an edited source, its translations now out of date (Arabic among them)', async () => {
    edit(path.join(covid, 'en.mdx'), (text) => `${text}\nOne more sentence for the preview.\n`);
    const read = await expectSameAsFullRead([path.join(covid, 'en.mdx')]);
    const states = read.content.releases.filter((page) => page.key === 'migrants-in-covid-19-response-statement').map((page) => [page.lang, page.state]);
    expect(states).toEqual([['en', 'source'], ['fr', 'stale'], ['es', 'stale'], ['ar', 'stale']]);
    expect(read.bodies.get('migrants-in-covid-19-response-statement/en')!.html).toContain('One more sentence for the preview.');
  });

  it('reports a forbidden expression in an Arabic translation at its line, and forgets it once fixed', async () => {
    const arabic = path.join(covid, 'ar.mdx');
    const before = readFileSync(arabic, 'utf8');
    writeFileSync(arabic, `${before}\nنص {1 + 1}\n`);
    const broken = await expectSameAsFullRead([arabic]);
    expect(broken.issues.map((issue) => [issue.file, issue.line])).toEqual([[`content/releases/2020/migrants-in-covid-19-response-statement/ar.mdx`, before.split('\n').length + 1]]);
    expect(broken.content.releases.some((page) => page.id === 'migrants-in-covid-19-response-statement/ar')).toBe(false);
    writeFileSync(arabic, before);
    const fixed = await expectSameAsFullRead([arabic]);
    expect(fixed.issues).toEqual([]);
  });

  it('adds a new release folder, and a title whose URL another release already has is a collision', async () => {
    const folder = path.join(dir, 'releases/2026/a-second-seed');
    mkdirSync(folder, { recursive: true });
    const copy = readFileSync(path.join(seed, 'en.mdx'), 'utf8');
    writeFileSync(path.join(folder, 'en.mdx'), copy);
    const colliding = await expectSameAsFullRead([path.join(folder, 'en.mdx')]);
    expect(colliding.issues.some((issue) => issue.field === 'slug' && issue.message.includes('already uses'))).toBe(true);
    writeFileSync(path.join(folder, 'en.mdx'), copy.replace(/^date: .*$/m, 'date: 2026-01-02').replace(/^title: .*$/m, 'title: "A second copy of the seed, for a test"'));
    const added = await expectSameAsFullRead([path.join(folder, 'en.mdx')]);
    expect(added.issues).toEqual([]);
    expect(added.content.releases.some((page) => page.id === 'a-second-seed/en')).toBe(true);
  });

  it('removes a deleted translation, reports a release naming a removed folder as related, and reads a folder moved in', async () => {
    rmSync(path.join(covid, 'es.mdx'));
    const removed = await expectSameAsFullRead([path.join(covid, 'es.mdx')]);
    expect(removed.content.releases.some((page) => page.id === 'migrants-in-covid-19-response-statement/es')).toBe(false);
    const second = path.join(dir, 'releases/2026/a-second-seed/en.mdx');
    edit(second, (text) => text.replace(/^countries:/m, 'related:\n  - migrants-in-covid-19-response-statement\ncountries:'));
    await expectSameAsFullRead([second]);
    // A folder removed at once: the watcher may name only the folder.
    const aside = path.join(work, 'aside');
    renameSync(covid, aside);
    const gone = await expectSameAsFullRead([covid]);
    expect(gone.issues.map((issue) => issue.field)).toEqual(['related.0']);
    // And moved back in: its files are read, though no event named them.
    renameSync(aside, covid);
    const back = await expectSameAsFullRead([covid]);
    expect(back.issues).toEqual([]);
    expect(back.content.releases.filter((page) => page.key === 'migrants-in-covid-19-response-statement').map((page) => page.lang)).toEqual(['en', 'fr', 'ar']);
  });

  it('checks a release again when a photo beside it appears', async () => {
    const second = path.join(dir, 'releases/2026/a-second-seed');
    edit(path.join(second, 'en.mdx'), (text) => text.replace('<Contacts />', '<Figure src="./boat.jpg" alt="A rescue boat" />\n\n<Contacts />'));
    const missing = await expectSameAsFullRead([path.join(second, 'en.mdx')]);
    expect(missing.issues.map((issue) => issue.field)).toContain('src');
    cpSync(path.join(repoContent, 'media/sample/rescue-boat.jpg'), path.join(second, 'boat.jpg'));
    const present = await expectSameAsFullRead([path.join(second, 'boat.jpg')]);
    expect(present.issues.map((issue) => issue.field)).not.toContain('src');
  });

  it('reads everything again when UI strings change, and ignores editors\u2019 temporary files', async () => {
    const strings = path.join(dir, 'i18n/fr.yaml');
    edit(strings, (text) => text.replace(/^(release\.sourceLabel: ).*$/m, '$1"Texte original (test)"'));
    const read = await expectSameAsFullRead([strings, `${strings}.1234.tmp`]);
    expect(read.content.strings.fr['release.sourceLabel']).toBe('Texte original (test)');
    const unchanged = session.read;
    expect(await session.update([path.join(seed, '.en.mdx.swp'), path.join(seed, 'en.mdx~')])).toBe(unchanged);
  });
});
