import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { makeFixtureContent } from '../support/fixture-content.ts';
import { readPage } from '../support/html.ts';
import { checkLinks } from '../../scripts/quality/check-links.ts';

const seed = 'releases/2016/iom-unhcr-train-libyan-partners';
const page = 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html';

/** The fixture content with a figure added to the English seed release, and a photo beside it. */
function contentWithFigure(src: string): string {
  const content = makeFixtureContent(['ly'], [seed.slice('releases/'.length)]);
  cpSync(path.join(content, 'media/sample/rescue-boat.jpg'), path.join(content, seed, 'boat.jpg'));
  const file = path.join(content, seed, 'en.mdx');
  writeFileSync(file, readFileSync(file, 'utf8').replace('<Contacts />', `<Figure src="${src}" alt="A rescue boat at sea" />\n\n<Contacts />`));
  return content;
}

function outputFolder(): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'relative-images-')), 'dist');
  mkdirSync(out);
  writeFileSync(path.join(out, 'index.html'), 'previous good site');
  return out;
}

describe('an image beside a release, given by a relative path', () => {
  it('is published as a responsive image with its size, and every link of the site resolves', () => {
    const out = outputFolder();
    const { status, output } = buildSite(out, { SITE_CONTENT_DIR: contentWithFigure('./boat.jpg') });
    expect(status, output).toBe(0);
    const image = readPage(out, page).querySelector('.release__body img[alt="A rescue boat at sea"]')!;
    expect(image.getAttribute('src')).toMatch(/^\/_astro\/boat\.[\w-]+\.webp$/);
    expect(image.getAttribute('srcset')).toMatch(/ 400w, .* 800w/);
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['1200', '800']);
    expect(existsSync(path.join(out, image.getAttribute('src')!))).toBe(true);
    expect(checkLinks(out, { base: '/', siteOrigin: 'https://www.iom.int' })).toEqual([]);
  }, 180_000);

  it('that does not exist stops the build with file, line and field, and the previous site stays', () => {
    const out = outputFolder();
    const { status, output } = buildSite(out, { SITE_CONTENT_DIR: contentWithFigure('./boat-at-sea.jpg') });
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/releases\/2016\/iom-unhcr-train-libyan-partners\/en\.mdx:\d+:1 {2}src: The image "\.\/boat-at-sea\.jpg" is not in this file's folder/);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous good site');
  }, 180_000);
});
