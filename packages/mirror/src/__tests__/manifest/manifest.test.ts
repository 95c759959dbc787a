import { readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSite } from '../../bundle.ts';
import { MirrorError } from '../../mirror-error.ts';
import {
  PART_MAX_FILES,
  assembleManifest,
  createManifest,
  encodeManifest,
  normalizeCreated,
  parseLegacyManifest,
  parsePart,
  parseRoot,
  serializePart,
  splitIntoParts,
  versionIdOf,
} from '../../manifest.ts';
import type { ManifestFile } from '../../manifest.ts';
import { caseCollisions, compareSitePaths, sitePathProblem } from '../../site-path.ts';
import { failureOf, makeBundle, sha256, siteV1, useTempDirs, writeSite } from '../test-support/fixtures.ts';

const temp = useTempDirs();
const hash = (text: string): string => sha256(text);
const when = { version: 1_796_221_840, created: '2026-12-02T14:30:40Z' };
/** A sorted list of `count` files named `<prefix>0000.html`, … */
const manyFiles = (count: number, prefix = 'p'): ManifestFile[] =>
  Array.from({ length: count }, (_, index) => {
    const path = `${prefix}${String(index).padStart(4, '0')}.html`;
    return { path, size: index, sha256: hash(path) };
  });

describe('manifest: making one', () => {
  it('lists every file with its size and SHA-256, sorted by path, with the total', async () => {
    const dir = await temp.make();
    await writeSite(dir, siteV1);
    const manifest = createManifest(await scanSite(dir), when);

    expect(manifest.files.map((file) => file.path)).toEqual(Object.keys(siteV1).sort(compareSitePaths));
    for (const file of manifest.files) {
      const content = siteV1[file.path]!;
      expect(file.size).toBe(Buffer.byteLength(content));
      expect(file.sha256).toBe(sha256(content));
    }
    expect(manifest.fileCount).toBe(Object.keys(siteV1).length);
    expect(manifest.totalSize).toBe(
      Object.values(siteV1).reduce((sum, content) => sum + Buffer.byteLength(content), 0),
    );
  });

  it('sorts by UTF-8 bytes: capitals, "_", small letters, then Latin accents and Arabic', () => {
    const files = ['ar/الأخبار/index.html', 'é.html', 'b.html', '_astro/a.css', 'Z.html', 'a/z.html', 'a.html'].map(
      (path) => ({ path, size: 1, sha256: hash(path) }),
    );
    expect(createManifest(files, when).files.map((file) => file.path)).toEqual([
      'Z.html',
      '_astro/a.css',
      'a.html',
      'a/z.html',
      'ar/الأخبار/index.html',
      'b.html',
      'é.html',
    ]);
  });

  it('comes out byte for byte the same whatever the input order', () => {
    const files = ['b', 'a', 'c/d'].map((path) => ({ path, size: path.length, sha256: hash(path) }));
    const options = { ...when, buildId: '2024-06-01.1', meta: { subset: 'fr,ar', audience: 'field' } };
    const one = encodeManifest(createManifest(files, options));
    const two = encodeManifest(
      createManifest([...files].reverse(), { ...options, meta: { audience: 'field', subset: 'fr,ar' } }),
    );
    expect(two.rootBytes.equals(one.rootBytes)).toBe(true);
    expect(two.parts.map((part) => part.text.toString())).toEqual(one.parts.map((part) => part.text.toString()));
    expect(versionIdOf(two.rootBytes)).toBe(versionIdOf(one.rootBytes));
  });

  it('gives the same manifest, signature and version for two bundles of the same site made apart', async () => {
    const root = await temp.make();
    const first = await makeBundle(root, 'one', siteV1, { buildId: 'same-build' });
    await new Promise((resolve) => setTimeout(resolve, 20)); // other timestamps on disk must not matter
    const second = await makeBundle(root, 'two', siteV1, { buildId: 'same-build' });
    expect(second.manifestBytes.equals(first.manifestBytes)).toBe(true);
    expect(second.signature).toBe(first.signature);
    expect(second.versionId).toBe(first.versionId);
  });

  it('records the version number and date it is given, build id and date, base and --meta only when given', () => {
    const plain = encodeManifest(createManifest([], when)).rootBytes.toString();
    expect(plain).toBe(
      '{\n  "format": "iom-mirror-manifest",\n  "formatVersion": 2,\n  "version": 1796221840,\n' +
        '  "created": "2026-12-02T14:30:40Z",\n  "fileCount": 0,\n  "totalSize": 0,\n  "parts": []\n}\n',
    );
    const full = createManifest([], {
      ...when,
      buildId: 'b7',
      buildDate: '2024-06-01',
      base: '/iom/',
      meta: { subset: 'fr' },
    });
    expect(full).toMatchObject({ build: { id: 'b7', date: '2024-06-01' }, base: '/iom/', meta: { subset: 'fr' } });
    expect(encodeManifest(full).rootBytes.toString()).toContain('"build": {"id":"b7","date":"2024-06-01"}');
  });

  it('stores the date in UTC to the second, and refuses what is not a date', () => {
    expect(normalizeCreated('2026-12-02T15:30:40.900+01:00')).toBe('2026-12-02T14:30:40Z');
    expect(() => createManifest([], { ...when, created: 'yesterday' })).toThrow('is not a date and time');
    expect(() => createManifest([], { ...when, version: 0 })).toThrow('"version" is not a whole number of 1 or more');
  });

  it('writes one part per line in the root and one file per line in a part, so two versions diff well', () => {
    const { rootBytes, parts } = encodeManifest(createManifest([{ path: 'index.html', size: 3, sha256: hash('x') }], when));
    expect(parts[0]!.text.toString()).toBe(
      `{"format":"iom-mirror-part","files":[\n{"path":"index.html","size":3,"sha256":"${hash('x')}"}\n]}\n`,
    );
    expect(rootBytes.toString()).toContain(
      `  "parts": [\n    {"sha256":"${sha256(parts[0]!.text)}","size":${parts[0]!.text.length}}\n  ]\n}\n`,
    );
  });
});

describe('manifest: parts of the file list', () => {
  it('splits a long list into parts of about 32 files, never more than the maximum', () => {
    const files = manyFiles(3000);
    const parts = splitIntoParts(files);
    expect(parts.flat()).toEqual(files);
    expect(parts.length).toBeGreaterThan(3000 / 64);
    expect(parts.length).toBeLessThan(3000 / 16);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(PART_MAX_FILES);
  });

  it('changes only the part a file is added to, removed from, or changed in: boundaries depend on paths', () => {
    const files = manyFiles(3000);
    const before = encodeManifest(createManifest(files, when)).parts.map((part) => part.sha256);
    const edited = [...files];
    edited.splice(1500, 1, { ...files[1500]!, size: 99_999 }); // one file changed
    edited.splice(700, 0, { path: 'p0699b.html', size: 1, sha256: hash('new') }); // one file added
    edited.splice(2600, 1); // one file removed
    const after = encodeManifest(createManifest(edited, when)).parts.map((part) => part.sha256);
    const changed = after.filter((sha) => !before.includes(sha));
    // Three edits touch at most three parts (an added or removed path that is itself a boundary touches two).
    expect(changed.length).toBeGreaterThanOrEqual(2);
    expect(changed.length).toBeLessThanOrEqual(5);
  });

  it('puts the manifest back together from the root and its parts, checking that they add up', () => {
    const manifest = createManifest(manyFiles(200), when);
    const { rootBytes, parts } = encodeManifest(manifest);
    const root = parseRoot(rootBytes);
    const lists = parts.map((part) => parsePart(part.text, 'a part'));
    expect(assembleManifest(root, lists)).toEqual(manifest);
    expect(() => assembleManifest(root, lists.slice(1))).toThrow('"fileCount" is 200, but the parts list');
    expect(() => assembleManifest(root, [...lists].reverse())).toThrow('out of order');
  });
});

describe('manifest: reading one', () => {
  const good = createManifest(
    [
      { path: 'ar/index.html', size: 10, sha256: hash('ar') },
      { path: 'index.html', size: 5, sha256: hash('en') },
    ],
    when,
  );
  const goodPart = serializePart(good.files);
  const goodRoot = encodeManifest(good).rootBytes.toString();

  it('reads back what was written', () => {
    const root = parseRoot(goodRoot);
    expect(assembleManifest(root, [parsePart(Buffer.from(goodPart), 'the part')])).toEqual(good);
  });

  it.each([
    ['a root without version number', (text: string) => text.replace('"version": 1796221840', '"version": "1"'), '"version" is not a whole number'],
    ['a root with a bad part hash', (text: string) => text.replace(/"sha256":"[0-9a-f]{64}"/, '"sha256":"abc"'), 'parts[0].sha256'],
    ['a root that is not JSON', () => '{', 'is not valid JSON'],
  ])('refuses %s, saying what is wrong', (_name, damage, message) => {
    expect(() => parseRoot(damage(goodRoot), 'the test root')).toThrow(message);
  });

  it.each([
    [
      'a path going up',
      (text: string) => text.replace('"ar/index.html"', '"../index.html"'),
      '"../index.html" has a "." or ".." part',
    ],
    ['an absolute path', (text: string) => text.replace('"ar/index.html"', '"/etc/passwd"'), 'starts with "/"'],
    ['a backslash', (text: string) => text.replace('"ar/index.html"', '"ar\\\\..\\\\x"'), 'backslash'],
    ['files out of order', (text: string) => text.replace('"ar/index.html"', '"zz.html"'), 'out of order'],
    ['a bad hash', (text: string) => text.replace(hash('en'), 'abc'), 'sha256 is not 64 lowercase hex digits'],
    ['not JSON', () => '{', 'is not valid JSON'],
  ])('refuses a part with %s, saying what is wrong', (_name, damage, message) => {
    expect(() => parsePart(Buffer.from(damage(goodPart)), 'the test part')).toThrow(message);
  });

  it('refuses a newer format instead of guessing, and says to update the tool', () => {
    const newer = goodRoot.replace('"formatVersion": 2', '"formatVersion": 3');
    const error = (() => {
      try {
        parseRoot(newer);
      } catch (caught) {
        return caught as MirrorError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MirrorError);
    expect(error?.fix).toContain('Update the mirror tool');
  });

  it('refuses the first format as a root (no version number to check), but reads it from a mirror of that format', () => {
    const legacy =
      '{\n  "format": "iom-mirror-manifest",\n  "formatVersion": 1,\n  "build": {"id":"old"},\n  "fileCount": 1,\n' +
      `  "totalSize": 5,\n  "files": [\n    {"path":"index.html","size":5,"sha256":"${hash('en')}"}\n  ]\n}\n`;
    expect(() => parseRoot(legacy)).toThrow('first mirror format, which has no version number');
    expect(parseLegacyManifest(legacy)).toMatchObject({
      version: undefined,
      created: undefined,
      build: { id: 'old' },
      files: [{ path: 'index.html', size: 5 }],
    });
    expect(() => parseLegacyManifest(legacy.replace('"totalSize": 5', '"totalSize": 6'))).toThrow('"totalSize" is 6');
  });
});

describe('manifest: paths a mirror can hold', () => {
  it.each([
    ['fr/index.html', undefined],
    ['ar/الأخبار/index.html', undefined],
    ['../etc/passwd', 'has a "." or ".." part, which could point outside the site folder'],
    ['a//b', 'has an empty part ("//" or a "/" at the end)'],
    ['news/what?.html', 'contains a character that Windows and FAT32 USB sticks cannot store (< > : " | ? *)'],
    ['docs/con.txt', 'uses "con.txt", a name Windows reserves for devices'],
    ['notes./a.html', 'has a name ending with a dot or a space ("notes."), which Windows and FAT32 silently drop'],
  ])('%s → %s', (path, problem) => {
    expect(sitePathProblem(path)).toBe(problem);
  });

  it('finds names that differ only in case, folders included', () => {
    expect(caseCollisions(['About.html', 'about.html', 'News/a.html', 'news/b.html', 'fr/index.html'])).toEqual([
      ['About.html', 'about.html'],
      ['News', 'news'],
    ]);
  });

  it('refuses a site with links, reserved or unportable names, listing them all at once', async () => {
    const dir = await temp.make();
    await writeSite(dir, {
      'index.html': 'x',
      'About.html': 'a',
      'about.html': 'b',
      '_mirror/x.txt': 'x',
      'q?.html': 'q',
    });
    await symlink(join(dir, 'index.html'), join(dir, 'link.html'));
    const error = await failureOf(scanSite(dir), MirrorError);
    expect(error.message).toContain('"link.html" is a link');
    expect(error.message).toContain('"_mirror/x.txt" is under _mirror/');
    expect(error.message).toContain('"About.html" and "about.html" differ only in upper/lower case');
    expect(error.message).toContain('"q?.html" contains a character');
  });

  it('reads the files as they are on disk', async () => {
    const dir = await temp.make();
    await writeSite(dir, { 'index.html': 'hello' });
    const [file] = await scanSite(dir);
    expect(file).toEqual({ path: 'index.html', size: 5, sha256: sha256(await readFile(join(dir, 'index.html'))) });
  });
});
