import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rawRequest } from '../support/raw-request.ts';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markTranslationUpdated } from '@iom/content-model';
import { newTranslationFile } from '@iom/content-model/node';
import { currentSourceFingerprint, versionOf } from '../../release-files.ts';
import { startWorkbench, type Workbench } from '../../server.ts';
import { fixtureReleases, makeFixtureContent } from '../support/fixture-content.ts';

let workbench: Workbench;
let fixture: ReturnType<typeof makeFixtureContent>;
let port: number;
const pageFile = (key: string, lang: string) => path.join(fixture.contentDir, 'pages', key, `${lang}.mdx`);
/** Every file under content/ with its text: what "nothing written" is checked against. */
function snapshot(): Map<string, string> {
  const files = readdirSync(fixture.contentDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [path.join(entry.parentPath, entry.name), readFileSync(path.join(entry.parentPath, entry.name), 'utf8')]));
}

const send = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(port, body === undefined ? 'GET' : 'POST', pathname, { 'content-type': 'application/json', 'x-workbench-token': workbench.token, ...headers }, body);
const fields = { title: 'Qui nous sommes', summary: '', body: '\nTexte.\n' };
const savePage = (page: unknown, lang: unknown, extra: Record<string, unknown> = {}) => send('/api/save', { page, lang, fields, version: 'missing', ...extra });

beforeAll(async () => {
  fixture = makeFixtureContent();
  // The copy lacks the French "Who we are", and its Spanish "Our work" records an older source version.
  rmSync(pageFile('who-we-are', 'fr'));
  writeFileSync(pageFile('our-work', 'es'), readFileSync(pageFile('our-work', 'es'), 'utf8').replace(/^(\s+hash:\s*).*$/m, '$1"000000000000"'));
  workbench = await startWorkbench({ contentDir: fixture.contentDir, port: 0 });
  port = Number(new URL(workbench.origin).port);
});
afterAll(async () => {
  await workbench.close();
  fixture.remove();
});

describe('section page requests the workbench refuses, writing nothing', () => {
  it('refuses a page that is not in the content read at start, whatever the key says', async () => {
    const before = snapshot();
    for (const key of ['../releases/2016/iom-unhcr-train-libyan-partners', '../../../../etc', 'who-we-are/../our-work', '/tmp/x', 'no-such-page', 'pages/who-we-are', 'who-we-are/', fixtureReleases.fourLanguages, 42, null]) {
      expect((await savePage(key, 'fr')).status).toBe(404);
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses the source language and anything that is not a language code of the site', async () => {
    const before = snapshot();
    for (const lang of ['en', 'xx', '../fr', 'fr.mdx', 'fr/../../x', '', undefined]) expect((await savePage('who-we-are', lang)).status).toBe(404);
    // Mark up to date on the source would rewrite the source: refused too.
    expect((await send('/api/mark', { page: 'our-work', lang: 'en', version: versionOf(before.get(pageFile('our-work', 'en'))) })).status).toBe(404);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a request naming both a release and a page, and a release named as a page', async () => {
    const before = snapshot();
    expect((await savePage('who-we-are', 'fr', { release: fixtureReleases.noSpanish })).status).toBe(400);
    expect((await send('/api/save', { release: 'pages/who-we-are', lang: 'fr', fields, version: 'missing' })).status).toBe(404);
    expect(snapshot()).toEqual(before);
  });

  it('refuses without the session token', async () => {
    const before = snapshot();
    const refused = await send('/api/save', { page: 'who-we-are', lang: 'fr', fields, version: 'missing' }, { 'x-workbench-token': 'x' });
    expect(refused.status).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('answers a missing page in the editor with a 404 page', async () => {
    const first = await fetch(`${workbench.url}`, { redirect: 'manual' });
    const cookie = String(first.headers.get('set-cookie')).split(';')[0]!;
    for (const key of ['../releases', 'no-such-page']) {
      const response = await fetch(`${workbench.origin}/edit?page=${encodeURIComponent(key)}&lang=fr`, { headers: { cookie } });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('There is no such section page');
    }
    expect((await fetch(`${workbench.origin}/edit?page=who-we-are&lang=en`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${workbench.origin}/edit?page=who-we-are&lang=fr`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('writing a section page translation', () => {
  it('creates a missing one as pnpm i18n:new would, with the translator’s fields, and only the page’s fields', async () => {
    const created = newTranslationFile({ kind: 'page', folder: path.join(fixture.contentDir, 'pages', 'who-we-are') }, 'fr', path.dirname(fixture.contentDir))!;
    // A release's field sent for a page is not written: a section page has no dateline.
    const response = await savePage('who-we-are', 'fr', { fields: { ...fields, datelinePlace: 'Genève' } });
    expect(response.status).toBe(200);
    const written = readFileSync(pageFile('who-we-are', 'fr'), 'utf8');
    const withTitle = created.text.replace('title: "Who we are"', 'title: "Qui nous sommes"');
    expect(written).toBe(`${withTitle.slice(0, withTitle.indexOf('\n---\n', 3) + 5)}\nTexte.\n`);
    expect(written).not.toContain('datelinePlace');
    expect(JSON.parse(response.text)).toMatchObject({ problemCount: 0, state: 'current' });
    expect(workbench.pages.byId.get('who-we-are')!.states.fr).toBe('current');
    expect(readdirSync(path.dirname(pageFile('who-we-are', 'fr'))).sort()).toEqual(['ar.mdx', 'en.mdx', 'es.mdx', 'fr.mdx']);
  });

  it('checks a draft with the section page schema, not the release one', async () => {
    const check = async (title: string) => {
      const response = await send('/api/check', { page: 'who-we-are', lang: 'fr', fields: { ...fields, title } });
      expect(response.status).toBe(200);
      return JSON.parse(response.text) as { problemCount: number; problemsHtml: string };
    };
    // The page schema's example, not a release's headline.
    expect((await check('')).problemsHtml).toContain('title: &#34;Who we are&#34;');
    // A title of 150 characters: a release's headline may have 200, a page's title 120.
    const long = await check('Qui nous sommes '.repeat(10).trim());
    expect(long.problemCount).toBe(1);
    expect(long.problemsHtml).toContain('Title');
  });

  it('refuses to overwrite a page that changed on disk, with 409 and both texts', async () => {
    const onDisk = readFileSync(pageFile('who-we-are', 'fr'), 'utf8');
    const response = await savePage('who-we-are', 'fr', { version: 'missing' });
    expect(response.status).toBe(409);
    expect(JSON.parse(response.text)).toMatchObject({ disk: onDisk, diskVersion: versionOf(onDisk) });
    expect(readFileSync(pageFile('who-we-are', 'fr'), 'utf8')).toBe(onDisk);
  });

  it('marks an out-of-date page up to date as pnpm i18n:done would: only the hash line changes', async () => {
    const file = pageFile('our-work', 'es');
    const before = readFileSync(file, 'utf8');
    expect(workbench.pages.byId.get('our-work')!.states.es).toBe('stale');
    const response = await send('/api/mark', { page: 'our-work', lang: 'es', version: versionOf(before) });
    expect(response.status).toBe(200);
    const entry = workbench.pages.byId.get('our-work')!;
    expect(readFileSync(file, 'utf8')).toBe(markTranslationUpdated(before, currentSourceFingerprint(entry, path.dirname(fixture.contentDir))!));
    expect(entry.states.es).toBe('current');
  });
});
