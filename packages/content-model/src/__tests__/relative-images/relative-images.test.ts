import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteContent } from '../../read-site-content.ts';

const repoContent = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../content');
const work = mkdtempSync(path.join(tmpdir(), 'relative-images-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seed = 'releases/2016/iom-unhcr-train-libyan-partners';
const shown = `content/${seed}`;

/** The seed release (and Libya) with `body` added before its contacts, and a photo beside the English file. */
async function readWith(name: string, body: string, arabicBody = '') {
  const dir = path.join(work, name, 'content');
  for (const part of ['i18n', 'themes.yaml', 'media', 'countries/official-names.yaml', 'countries/ly', seed]) cpSync(path.join(repoContent, part), path.join(dir, part), { recursive: true });
  cpSync(path.join(repoContent, 'media/sample/rescue-boat.jpg'), path.join(dir, seed, 'boat.jpg'));
  const add = (lang: string, text: string) => {
    const file = path.join(dir, seed, `${lang}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('<Contacts />', `${text}\n\n<Contacts />`));
  };
  add('en', body);
  if (arabicBody) add('ar', arabicBody);
  return readSiteContent({ contentDir: dir, displayRoot: path.dirname(dir) });
}

/** The line of the file the added text starts on. */
const addedLine = (lang = 'en') => readFileSync(path.join(repoContent, seed, `${lang}.mdx`), 'utf8').split('\n').indexOf('<Contacts />') + 1;

describe('an image beside the release file, given by a relative path', () => {
  it('is accepted, and the page knows it shows that file', async () => {
    const { issues, bodies } = await readWith('present', '<Figure src="./boat.jpg" alt="A rescue boat" />\n\n![A rescue boat](boat.jpg)', '<Figure src="./boat.jpg" alt="قارب إنقاذ" />');
    expect(issues).toEqual([]);
    expect(bodies.get('iom-unhcr-train-libyan-partners/en')!.media).toEqual([`${seed}/boat.jpg`, `${seed}/boat.jpg`]);
    expect(bodies.get('iom-unhcr-train-libyan-partners/ar')!.media).toEqual([`${seed}/boat.jpg`]);
  });

  it('that does not exist is an error naming file, line, field src and the fix', async () => {
    const { issues } = await readWith('missing', '<Figure src="./training-tunis.jpg" alt="Training in Tunis" />');
    expect(issues).toEqual([
      expect.objectContaining({
        file: `${shown}/en.mdx`,
        line: addedLine(),
        column: 1,
        field: 'src',
        message: `The image "./training-tunis.jpg" is not in this file's folder (${shown}/).`,
        fix: `Add the file ${shown}/training-tunis.jpg, correct the name (it is case-sensitive), or put it in content/media/ and write src="/media/…".`,
      }),
    ]);
  });

  it('that leaves the release folder is an error, even when the file exists', async () => {
    const { issues } = await readWith('outside', '<Figure src="../../../media/sample/rescue-boat.jpg" alt="A rescue boat" />\n\n![A boat](../boat.jpg)');
    expect(issues.map((issue) => [issue.field, issue.line, issue.message])).toEqual([
      ['src', addedLine(), `The image "../../../media/sample/rescue-boat.jpg" is outside this file's folder (${shown}/): an image given by a relative path must be in the same folder.`],
      ['src', addedLine() + 2, `The image "../boat.jpg" is outside this file's folder (${shown}/): an image given by a relative path must be in the same folder.`],
    ]);
    expect(issues[0]!.fix).toBe(`Put the image in ${shown}/ and write src="./rescue-boat.jpg", or put it in content/media/ and write src="/media/…".`);
  });

  it('in a right-to-left translation is checked from that file, with its own line', async () => {
    const { issues } = await readWith('arabic', '', '<Figure src="./قارب.jpg" alt="قارب إنقاذ" />');
    expect(issues).toEqual([expect.objectContaining({ file: `${shown}/ar.mdx`, line: addedLine('ar'), field: 'src' })]);
  });

  it('that is not a photo the site publishes is an error', async () => {
    const { issues } = await readWith('kind', '![A map](./map.gif)');
    expect(issues).toEqual([expect.objectContaining({ field: 'src', message: '"./map.gif" is not a photo the site can show (it shows .jpg, .jpeg, .png, .webp, .avif files).' })]);
  });
});
