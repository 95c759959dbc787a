import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactsMarker, type Locale } from '@iom/content-model';
import { fixtureReleases } from '../support/fixture-content.ts';
import { asParsed, previewFrame, shownBody } from '../support/preview-frame.ts';
import { openSession, type Session } from '../support/workbench-session.ts';
import { siteRenderingOf } from './site-rendering.ts';

/*
 * The preview's body against the site's: every translation of the fixture's releases and section pages (French,
 * Spanish and Arabic) is opened in the editor, rendered in Chromium by the editor's bundled script, and compared with
 * what the build's preparer (`prepareFile` with the site loader's settings) gives the same file, both parsed by the
 * same browser. Only the contacts' place differs by design: the site puts its contacts block there, the preview a note.
 */

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(() => session.close());

const translations = ['fr', 'es', 'ar'] as const satisfies readonly Locale[];

/** The translation files of the fixture, as the editor addresses them. */
function fixtureTranslations(contentDir: string): { address: string; file: string; lang: Locale }[] {
  const releases = Object.values(fixtureReleases).flatMap((id) => translations.map((lang) => ({ address: `release=${id}`, file: `releases/${id}/${lang}.mdx`, lang })));
  const pages = readdirSync(path.join(contentDir, 'pages')).flatMap((key) => translations.map((lang) => ({ address: `page=${key}`, file: `pages/${key}/${lang}.mdx`, lang })));
  return [...releases, ...pages].filter((entry) => existsSync(path.join(contentDir, entry.file)));
}

describe('the preview’s HTML against the site renderer’s, file by file', () => {
  it('renders every translation of the fixture as the site does, Arabic included', async () => {
    const { page, workbench, contentDir } = session;
    const files = fixtureTranslations(contentDir);
    expect(files.filter((entry) => entry.lang === 'ar').length).toBeGreaterThan(3);
    let components = 0;
    for (const { address, file, lang } of files) {
      await page.goto(`${workbench.origin}/edit?${address}&lang=${lang}&ui=en`);
      const frame = await previewFrame(page);
      const expected = siteRenderingOf(contentDir, lang, `content/${file}`, readFileSync(path.join(contentDir, file)));
      const shown = await shownBody(frame);
      expect(shown, file).toMatch(/<p[ >]/);
      expect(shown, file).toBe(await asParsed(frame, expected.replace(contactsMarker, '')));
      expect(await frame.locator('html').getAttribute('dir'), file).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      if (/class="c-/.test(expected)) components++;
    }
    // Some files use the site's components, so the comparison covers more than paragraphs.
    expect(components).toBeGreaterThan(0);
    expect(session.pageErrors).toEqual([]);
  });
});
