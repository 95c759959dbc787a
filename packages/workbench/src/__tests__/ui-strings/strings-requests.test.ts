import { readdirSync, readFileSync } from 'node:fs';
import { rawRequest } from '../support/raw-request.ts';
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
