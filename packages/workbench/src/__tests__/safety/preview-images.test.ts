import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from '../../server.ts';
import { fixtureReleases, makeFixtureContent } from '../support/fixture-content.ts';
import { rawRequest } from '../support/raw-request.ts';

/*
 * The preview's image route serves images of content/media/ and of a release's folder, to the session's pages only.
 * Beside the content folder lies a file that looks like an image and says SECRET; a link in media/ and one in a
 * release's folder point at it. No request may bring it back, however the path is written.
 */
const secret = 'SECRET-OUTSIDE-THE-CONTENT-FOLDER';
let workbench: Workbench;
let fixture: ReturnType<typeof makeFixtureContent>;
let port: number;
let cookie: string;
const release = fixtureReleases.withImage;

beforeAll(async () => {
  fixture = makeFixtureContent();
  const { contentDir, root } = fixture;
  writeFileSync(path.join(root, 'secret.jpg'), secret);
  writeFileSync(path.join(contentDir, 'i18n', 'secret.jpg'), secret);
  symlinkSync(path.join(root, 'secret.jpg'), path.join(contentDir, 'media', 'linked.jpg'));
  symlinkSync(path.join(root, 'secret.jpg'), path.join(contentDir, 'releases', release, 'linked.jpg'));
  copyFileSync(path.join(contentDir, 'media/sample/rescue-boat.jpg'), path.join(contentDir, 'releases', release, 'photo.jpg'));
  mkdirSync(path.join(contentDir, 'releases', release, 'below'));
  copyFileSync(path.join(contentDir, 'media/sample/rescue-boat.jpg'), path.join(contentDir, 'releases', release, 'below', 'photo.jpg'));
  workbench = await startWorkbench({ contentDir, port: 0 });
  port = Number(new URL(workbench.origin).port);
  // The cookie the printed address gives the translator's browser.
  const opened = await rawRequest(port, 'GET', `/?token=${workbench.token}`, {});
  cookie = String(opened.headers['set-cookie']).split(';')[0]!;
});
afterAll(async () => {
  await workbench.close();
  fixture.remove();
});

const get = (pathname: string, headers: Record<string, string> = { cookie }) => rawRequest(port, 'GET', pathname, headers);

describe('the preview’s images', () => {
  it('serves an image of content/media/ and one beside a release, with their type', async () => {
    const media = await get('/media/sample/rescue-boat.jpg');
    expect(media.status).toBe(200);
    expect(media.headers['content-type']).toBe('image/jpeg');
    const beside = await get(`/release-media/${release}/photo.jpg`);
    expect(beside.status).toBe(200);
    expect(beside.headers['content-type']).toBe('image/jpeg');
  });

  it('asks for the session: no cookie, or another session’s, is refused', async () => {
    expect((await get('/media/sample/rescue-boat.jpg', {})).status).toBe(401);
    expect((await get('/media/sample/rescue-boat.jpg', { cookie: `${cookie.split('=')[0]}=${'0'.repeat(43)}` })).status).toBe(401);
    expect((await get(`/release-media/${release}/photo.jpg`, {})).status).toBe(401);
  });

  it.each([
    '/media/../i18n/secret.jpg',
    '/media/%2e%2e/i18n/secret.jpg',
    '/media/..%2fi18n%2fsecret.jpg',
    '/media/..%5ci18n%5csecret.jpg',
    '/media/%2e%2e%2f%2e%2e%2fsecret.jpg',
    '/media/../../secret.jpg',
    '/media//etc/passwd.jpg',
    '/media/linked.jpg',
    '/media/sample/rescue-boat.jpg%00.txt',
    '/media/sample/../../i18n/en.yaml',
    '/media/README.md',
    `/release-media/${release}/linked.jpg`,
    `/release-media/${release}/en.mdx`,
    `/release-media/${release}/below/photo.jpg`,
    `/release-media/${release}/..%2f..%2f..%2fsecret.jpg`,
    `/release-media/${release}/%2e%2e/photo.jpg`,
    '/release-media/2017/../../secret.jpg',
    '/release-media/2099/no-such-release/photo.jpg',
    '/release-media/..%2f..%2fi18n/secret.jpg',
  ])('refuses %s and serves nothing of what lies outside', async (pathname) => {
    const response = await get(pathname);
    expect([403, 404]).toContain(response.status);
    expect(response.text).not.toContain(secret);
    expect(response.headers['content-type']).not.toMatch(/^image\//);
  });
});
