import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceFingerprint } from '../../content-hash.ts';
import { parseContentFile } from '@iom/safe-mdx';
import { prepareFile } from '../../prepare/prepare-file.ts';
import { linkReleases, validateReleaseFile, type ValidatedReleaseFile } from '../../releases.ts';
import { changedSections, sectionsOf } from '../../translation/sections.ts';
import { sourceChangeSince } from '../../translation/source-history.ts';
import { markTranslationUpdated, newTranslationText } from '../../translation/translation-file.ts';
import { translationStatus, statusCounts } from '../../translation/translation-status.ts';

const source = (body: string) => `---\ntitle: "Rescue training in Tripoli"\ndate: 2016-09-02\ndateline:\n  place: Tripoli\n  country: LY\n---\n${body}`;
const bodyV1 = '\nIntro.\n\n## Training\n\nFour days.\n\n## Next steps\n\nEquipment.\n';
const bodyV2 = '\nIntro.\n\n## Training\n\nFive days, not four.\n\n## Next steps\n\nEquipment.\n\n## Funding\n\nThe EU.\n';

const bodies = new WeakMap<ValidatedReleaseFile, string>();
function validated(file: string, lang: string, text: string): ValidatedReleaseFile {
  const prepared = prepareFile(file, Buffer.from(text));
  expect(prepared.issues).toEqual([]);
  const result = validateReleaseFile({ file, key: 'rescue', year: '2016', lang, frontmatter: prepared.frontmatter, fieldPosition: (field) => prepared.positions[field], fingerprint: prepared.fingerprint });
  expect(result.issues).toEqual([]);
  bodies.set(result.file!, parseContentFile(file, text).body);
  return result.file!;
}
const bodyOf = (file: ValidatedReleaseFile) => bodies.get(file)!;

describe('sections of a body', () => {
  it('splits at headings, ignoring headings inside code fences', () => {
    expect(sectionsOf('Intro.\n\n## A\n\nOne.\n\n```\n## not a heading\n```\n\n### B\nTwo.').map((s) => s.heading)).toEqual(['', 'A', 'B']);
  });

  it('reports changed, added and removed sections, not whitespace edits', () => {
    expect(changedSections(bodyV1, bodyV2)).toEqual({ changed: ['Training'], added: ['Funding'], removed: [] });
    expect(changedSections(bodyV1, bodyV1.replace('Four days.', 'Four   days.\n'))).toEqual({ changed: [], added: [], removed: [] });
    expect(changedSections('Intro.\n## Old\nx', 'Intro!')).toEqual({ changed: ['(introduction)'], added: [], removed: ['Old'] });
  });
});

describe('creating and updating an Arabic translation', () => {
  const en = validated('content/releases/2016/rescue/en.mdx', 'en', source(bodyV1));

  it('creates a translation that validates and is up to date', () => {
    const text = newTranslationText({ lang: 'en', data: en.data as never, body: bodyOf(en) }, 'ar');
    expect(text).toContain('translationOf:\n  lang: en\n');
    const ar = validated('content/releases/2016/rescue/ar.mdx', 'ar', text);
    const { pages, issues } = linkReleases([en, ar], { countries: new Set(['LY']), themes: new Set() });
    expect(issues).toEqual([]);
    expect(pages.find((page) => page.lang === 'ar')!.state).toBe('current');
    const rows = translationStatus(pages);
    expect(statusCounts(rows).ar).toEqual({ source: 0, current: 1, stale: 0, missing: 0 });
    expect(statusCounts(rows).fr).toEqual({ source: 0, current: 0, stale: 0, missing: 1 });
  });

  it('becomes stale when the source changes, and current again after i18n:done, touching only the hash line', () => {
    const arText = newTranslationText({ lang: 'en', data: en.data as never, body: bodyOf(en) }, 'ar').replace('Four days.', 'أربعة أيام.');
    const en2 = validated('content/releases/2016/rescue/en.mdx', 'en', source(bodyV2));
    const stale = linkReleases([en2, validated('content/releases/2016/rescue/ar.mdx', 'ar', arText)], { countries: new Set(['LY']), themes: new Set() });
    expect(stale.pages.find((page) => page.lang === 'ar')!.state).toBe('stale');

    const updated = markTranslationUpdated(arText, sourceFingerprint({ title: 'Rescue training in Tripoli', summary: undefined, body: bodyOf(en2) }));
    expect(updated.split('\n').filter((line, index) => line !== arText.split('\n')[index])).toHaveLength(1);
    const current = linkReleases([en2, validated('content/releases/2016/rescue/ar.mdx', 'ar', updated)], { countries: new Set(['LY']), themes: new Set() });
    expect(current.pages.find((page) => page.lang === 'ar')!.state).toBe('current');
  });
});

describe('when and where the source changed, from git history', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'iom-history-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-10T10:00:00Z', GIT_COMMITTER_DATE: process.env.GIT_COMMITTER_DATE ?? '2026-01-10T10:00:00Z' } });
  const file = path.join(repo, 'content/releases/2016/rescue/en.mdx');

  it('names the date of the first change after the translated version and the sections that changed', () => {
    mkdirSync(path.dirname(file), { recursive: true });
    git('init', '-q');
    writeFileSync(file, source(bodyV1));
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'v1');
    const v1 = sourceFingerprint({ title: 'Rescue training in Tripoli', summary: undefined, body: bodyV1 });

    writeFileSync(file, source(bodyV2));
    expect(sourceChangeSince(repo, file, v1, source(bodyV2))).toEqual({ changedOn: 'uncommitted', sections: { changed: ['Training'], added: ['Funding'], removed: [] }, translatedBody: bodyV1 });

    process.env.GIT_COMMITTER_DATE = '2026-03-04T10:00:00Z';
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'v2');
    delete process.env.GIT_COMMITTER_DATE;
    expect(sourceChangeSince(repo, file, v1, source(bodyV2))).toEqual({ changedOn: '2026-03-04', sections: { changed: ['Training'], added: ['Funding'], removed: [] }, translatedBody: bodyV1 });
    expect(sourceChangeSince(repo, file, '000000000000', source(bodyV2))).toEqual({ changedOn: 'unknown' });
  });
});
