import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rawRequest } from '../support/raw-request.ts';
import { pageClient } from '../support/page-client.ts';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionOf } from '../../release-files.ts';
import { startWorkbench, type Workbench } from '../../server.ts';
import { makeFixtureContent } from '../support/fixture-content.ts';

let workbench: Workbench;
let fixture: ReturnType<typeof makeFixtureContent>;
let port: number;
const i18n = () => path.join(fixture.contentDir, 'i18n');
const snapshot = () => Object.fromEntries(readdirSync(i18n()).map((name) => [name, readFileSync(path.join(i18n(), name), 'utf8')]));

async function send(headers: Record<string, string>, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await rawRequest(port, 'POST', '/api/strings/save', { 'content-type': 'application/json', ...headers }, body);
  // A refusal by the Origin/Host guard is plain text; the API's own answers are JSON.
  return { status: response.status, json: String(response.headers['content-type']).startsWith('application/json') ? (JSON.parse(response.text) as Record<string, unknown>) : { error: response.text } };
}
const token = () => ({ 'x-workbench-token': workbench.token });
const spanishVersion = () => versionOf(readFileSync(path.join(i18n(), 'es.yaml'), 'utf8'));

beforeAll(async () => {
  fixture = makeFixtureContent();
  workbench = await startWorkbench({ contentDir: fixture.contentDir, port: 0 });
  port = Number(new URL(workbench.origin).port);
});
afterAll(async () => {
  await workbench.close();
  fixture.remove();
});

describe('saving UI strings: what is refused writes nothing', () => {
  const edit = () => ({ lang: 'es', version: spanishVersion(), values: { 'nav.news': 'Actualidad' } });

  it('refuses a request without the session token', async () => {
    const before = snapshot();
    expect((await send({}, edit())).status).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a request from another origin, even with the token', async () => {
    const before = snapshot();
    expect((await send({ ...token(), origin: 'http://evil.example' }, edit())).status).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it.each(['en', 'de', '../es', 'i18n/es'])('refuses the language %j', async (lang) => {
    const before = snapshot();
    expect((await send(token(), { ...edit(), lang })).status).toBe(404);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a key en.yaml does not have, with the others', async () => {
    const before = snapshot();
    const response = await send(token(), { ...edit(), values: { 'nav.news': 'Actualidad', 'nav.typo': 'x' } });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/nav\.typo/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a placeholder that differs from English and says which', async () => {
    const before = snapshot();
    const response = await send(token(), { ...edit(), values: { 'lang.current': '{idioma} (página actual)' } });
    expect(response.status).toBe(422);
    expect(response.json.problems).toEqual([{ key: 'lang.current', missing: ['language'], extra: ['idioma'] }]);
    expect(snapshot()).toEqual(before);
  });

  it('answers 409 when the file changed since the page opened', async () => {
    const before = snapshot();
    expect((await send(token(), { ...edit(), version: versionOf('an older text') })).status).toBe(409);
    expect(snapshot()).toEqual(before);
  });
});

describe('saving UI strings', () => {
  it('writes only the edited value and keeps the comments', async () => {
    const before = readFileSync(path.join(i18n(), 'es.yaml'), 'utf8');
    const response = await send(token(), { lang: 'es', version: versionOf(before), values: { 'nav.news': 'Actualidad' } });
    expect(response.status).toBe(200);
    const after = readFileSync(path.join(i18n(), 'es.yaml'), 'utf8');
    expect(after).toBe(before.replace('nav.news: Noticias', 'nav.news: Actualidad'));
    expect(response.json.version).toBe(versionOf(after));
  });
});

describe('clearing a UI string', () => {
  it('removes the key from the file (the site shows English), and answers the file’s texts', async () => {
    const before = readFileSync(path.join(i18n(), 'es.yaml'), 'utf8');
    const response = await send(token(), { lang: 'es', version: versionOf(before), values: { 'search.submit': '' } });
    expect(response.status).toBe(200);
    const after = readFileSync(path.join(i18n(), 'es.yaml'), 'utf8');
    expect(after).toBe(before.replace('search.submit: Buscar\n', ''));
    expect(response.json.values).not.toHaveProperty('search.submit');
    expect(response.json.values).toHaveProperty('search.label', 'Buscar en el sitio');
  });
});

describe('saving UI strings the file on disk changed meanwhile', () => {
  const spanish = () => readFileSync(path.join(i18n(), 'es.yaml'), 'utf8');
  const editOnDisk = (from: string, to: string) => writeFileSync(path.join(i18n(), 'es.yaml'), spanish().replace(from, to));

  it('writes nothing and answers both texts when the same key changed on disk', async () => {
    const opened = spanish();
    editOnDisk('home.latest: Últimas noticias', 'home.latest: Lo último');
    const changed = spanish();
    const response = await send(token(), { lang: 'es', version: versionOf(opened), values: { 'home.latest': 'Noticias recientes' }, base: { 'home.latest': 'Últimas noticias' } });
    expect(response.status).toBe(409);
    expect(response.json.conflicts).toEqual([{ key: 'home.latest', disk: 'Lo último', mine: 'Noticias recientes' }]);
    expect(response.json.diskVersion).toBe(versionOf(changed));
    expect(response.json.conflictHtml).toContain('<legend><code>home.latest</code></legend>');
    expect(response.json.conflictHtml).toContain('<p class="string-version" id="c-0-disk" lang="es" dir="ltr">Lo último</p>');
    expect(spanish()).toBe(changed);
  });

  it('keeps both changes when the file changed other keys', async () => {
    const opened = spanish();
    editOnDisk('home.allNews: Todas las noticias', 'home.allNews: Ver todas las noticias');
    const response = await send(token(), { lang: 'es', version: versionOf(opened), values: { 'news.title': 'Actualidad' }, base: { 'news.title': 'Noticias' } });
    expect(response.status).toBe(200);
    expect(response.json.merged).toBe(true);
    expect(spanish()).toContain('home.allNews: Ver todas las noticias\n');
    expect(spanish()).toContain('news.title: Actualidad\n');
    expect(response.json.version).toBe(versionOf(spanish()));
  });
});

describe('a UI strings file that cannot be read', () => {
  const english = () => path.join(i18n(), 'en.yaml');

  it('gives a page naming the file, the line and the problem, and a save says the same', async () => {
    const good = readFileSync(english(), 'utf8');
    writeFileSync(english(), good.replace('nav.news: News', 'nav.news: "News'));
    try {
      const line = good.split('\n').findIndex((text) => text === 'nav.news: News') + 1;
      const page = await pageClient(workbench)('/strings?lang=es&ui=en');
      expect(page).toContain(`<code>content/i18n/en.yaml:${line}:1</code>`);
      expect(page).toContain('The file content/i18n/en.yaml cannot be read, so this page cannot show its texts.');
      expect(page).toContain('The YAML is not valid: Missing closing');
      const response = await send(token(), { lang: 'es', version: spanishVersion(), values: { 'nav.news': 'Actualidad' } });
      expect(response.status).toBe(422);
      expect(response.json.error).toMatch(new RegExp(`^content/i18n/en\\.yaml:${line}:1 The YAML is not valid`));
    } finally {
      writeFileSync(english(), good);
    }
  });

  it('names the language’s own file too, in the interface language', async () => {
    const file = path.join(i18n(), 'ar.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, `${good}site.name: أخرى\n`);
    try {
      const page = await pageClient(workbench)('/strings?lang=ar&ui=ar');
      expect(page).toContain('تتعذّر قراءة الملف content/i18n/ar.yaml');
      expect(page).toMatch(/<code>content\/i18n\/ar\.yaml:\d+:1<\/code>/);
    } finally {
      writeFileSync(file, good);
    }
  });
});

describe('committing UI strings', () => {
  it('is offered only in a git checkout', async () => {
    expect(await pageClient(workbench)('/strings?lang=es&ui=en')).not.toContain('id="strings-commit"');
    const response = await rawRequest(port, 'POST', '/api/strings/commit', { 'content-type': 'application/json', ...token() }, { lang: 'es' });
    expect(response.status).toBe(404);
  });

  it('commits that one file, with a message naming the language', async () => {
    const checkout = makeFixtureContent({ git: true });
    const other = await startWorkbench({ contentDir: checkout.contentDir, port: 0 });
    try {
      expect(await pageClient(other)('/strings?lang=fr&ui=en')).toContain('<button type="button" id="strings-commit">Commit</button>');
      const git = (...args: string[]) => execFileSync('git', args, { cwd: checkout.root, encoding: 'utf8' });
      const french = path.join(checkout.contentDir, 'i18n', 'fr.yaml');
      writeFileSync(french, readFileSync(french, 'utf8').replace('nav.news: Actualités', 'nav.news: Nouvelles'));
      writeFileSync(path.join(checkout.contentDir, 'themes.yaml'), `${readFileSync(path.join(checkout.contentDir, 'themes.yaml'), 'utf8')}\n`);
      const commit = () => rawRequest(Number(new URL(other.origin).port), 'POST', '/api/strings/commit', { 'content-type': 'application/json', 'x-workbench-token': other.token }, { lang: 'fr' });
      const response = await commit();
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text)).toEqual({ message: 'Committed: Update the fr interface texts of the site' });
      expect(git('log', '-1', '--name-only', '--format=%s')).toBe('Update the fr interface texts of the site\n\ncontent/i18n/fr.yaml\n');
      expect(git('status', '--porcelain')).toBe(' M content/themes.yaml\n');
      expect((await commit()).status).toBe(409);
    } finally {
      await other.close();
      checkout.remove();
    }
  });
});
