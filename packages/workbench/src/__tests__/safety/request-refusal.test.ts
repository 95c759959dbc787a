import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rawRequest } from '../support/raw-request.ts';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from '../../server.ts';
import { isOwnHost } from '../../request-guard.ts';
import { fixtureReleases, makeFixtureContent } from '../support/fixture-content.ts';

let workbench: Workbench;
let fixture: ReturnType<typeof makeFixtureContent>;
let port: number;
const spanish = () => path.join(fixture.contentDir, 'releases', fixtureReleases.noSpanish, 'es.mdx');
const french = () => path.join(fixture.contentDir, 'releases', fixtureReleases.fourLanguages, 'fr.mdx');
const fields = { title: 'Nueva línea de ayuda en Moldavia', summary: 'Resumen.', datelinePlace: 'Chisináu', body: '\nTexto.\n' };

/** A raw HTTP request, so tests choose every header (fetch would not let them set Host). */
const send = (method: string, pathname: string, headers: Record<string, string>, body?: unknown) => rawRequest(port, method, pathname, headers, body);
const json = { 'content-type': 'application/json' };
const withToken = () => ({ ...json, 'x-workbench-token': workbench.token });
const save = (headers: Record<string, string>, release: string = fixtureReleases.noSpanish, lang = 'es') => send('POST', '/api/save', headers, { release, lang, fields, version: 'missing' });

beforeAll(async () => {
  fixture = makeFixtureContent();
  workbench = await startWorkbench({ contentDir: fixture.contentDir, port: 0 });
  port = Number(new URL(workbench.origin).port);
});
afterAll(async () => {
  await workbench.close();
  fixture.remove();
});

describe('requests the workbench refuses, writing nothing', () => {
  it('refuses a POST without the session token, or with a wrong one', async () => {
    expect((await save(json)).status).toBe(403);
    expect((await save({ ...json, 'x-workbench-token': `${workbench.token.slice(1)}x` })).status).toBe(403);
    expect(existsSync(spanish())).toBe(false);
  });

  it('refuses a POST from a page of another origin, even with the token', async () => {
    const response = await save({ ...withToken(), origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect((await save({ ...withToken(), origin: `http://localhost:${port + 1}` })).status).toBe(403);
    expect((await save({ ...withToken(), 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(existsSync(spanish())).toBe(false);
  });

  it('refuses a request naming another host (DNS rebinding), pages included', async () => {
    expect((await save({ ...withToken(), host: `evil.example:${port}` })).status).toBe(403);
    expect((await send('GET', `/?token=${workbench.token}`, { host: `evil.example:${port}` })).status).toBe(403);
    expect(existsSync(spanish())).toBe(false);
  });

  it('refuses a release that is not in the content read, whatever the path says', async () => {
    const before = readFileSync(french(), 'utf8');
    for (const release of ['../../../../etc', `${fixtureReleases.fourLanguages}/../../2016/iom-unhcr-train-libyan-partners`, '2016/no-such-release', '/tmp/x', 'pages/who-we-are']) {
      expect((await save(withToken(), release)).status).toBe(404);
    }
    for (const lang of ['en', 'xx', '../fr', 'es.mdx', 'fr/../../x']) expect((await save(withToken(), fixtureReleases.fourLanguages, lang)).status).toBe(404);
    expect(readFileSync(french(), 'utf8')).toBe(before);
    expect(existsSync(spanish())).toBe(false);
  });

  it('serves pages only with the session token, kept in a cookie after the first visit', async () => {
    expect((await send('GET', '/', {})).status).toBe(401);
    const first = await send('GET', `/?token=${workbench.token}`, {});
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String((first.headers['set-cookie'] as string[])[0]).split(';')[0]!;
    expect(cookie).toContain(workbench.token);
    const queue = await send('GET', '/?lang=es', { cookie });
    expect(queue.status).toBe(200);
    expect(queue.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('writes the translation for a request that passes every check, leaving no temporary file', async () => {
    const response = await save({ ...withToken(), origin: `http://127.0.0.1:${port}` });
    expect(response.status).toBe(200);
    expect(readFileSync(spanish(), 'utf8')).toContain('title: "Nueva línea de ayuda en Moldavia"');
    expect(readdirSync(path.dirname(spanish())).sort()).toEqual(['en.mdx', 'es.mdx', 'fr.mdx']);
    expect(workbench.index.byId.get(fixtureReleases.noSpanish)!.states.es).toBe('current');
  });
});

describe('which hosts are the server’s own', () => {
  it('accepts the loopback names on loopback, an address on that address, any IP address on all addresses', () => {
    expect(isOwnHost('127.0.0.1:4322', { host: '127.0.0.1', port: 4322 })).toBe(true);
    expect(isOwnHost('localhost:4322', { host: '127.0.0.1', port: 4322 })).toBe(true);
    expect(isOwnHost('localhost:4323', { host: '127.0.0.1', port: 4322 })).toBe(false);
    expect(isOwnHost('attacker.example:4322', { host: '127.0.0.1', port: 4322 })).toBe(false);
    expect(isOwnHost('192.168.1.20:4322', { host: '192.168.1.20', port: 4322 })).toBe(true);
    expect(isOwnHost('192.168.1.20:4322', { host: '0.0.0.0', port: 4322 })).toBe(true);
    expect(isOwnHost('office.example:4322', { host: '0.0.0.0', port: 4322 })).toBe(false);
    expect(isOwnHost(undefined, { host: '127.0.0.1', port: 4322 })).toBe(false);
  });
});
