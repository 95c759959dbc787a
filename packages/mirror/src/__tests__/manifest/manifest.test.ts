import { readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSite } from '../../bundle.ts';
import { MirrorError } from '../../mirror-error.ts';
import { createManifest, parseManifest, serializeManifest, versionIdOf } from '../../manifest.ts';
import { caseCollisions, compareSitePaths, sitePathProblem } from '../../site-path.ts';
import { failureOf, makeBundle, sha256, siteV1, useTempDirs, writeSite } from '../test-support/fixtures.ts';

const temp = useTempDirs();
const hash = (text: string): string => sha256(text);

describe('manifest: making one', () => {
  it('lists every file with its size and SHA-256, sorted by path, with the total', async () => {
    const dir = await temp.make();
    await writeSite(dir, siteV1);
    const manifest = createManifest(await scanSite(dir));

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
    expect(createManifest(files).files.map((file) => file.path)).toEqual([
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
    const options = { buildId: '2024-06-01.1', meta: { subset: 'fr,ar', audience: 'field' } };
    const one = serializeManifest(createManifest(files, options));
    const two = serializeManifest(
      createManifest([...files].reverse(), { ...options, meta: { audience: 'field', subset: 'fr,ar' } }),
    );
    expect(two).toBe(one);
    expect(versionIdOf(Buffer.from(two))).toBe(versionIdOf(Buffer.from(one)));
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

  it('records build id and date, base and --meta only when given, and never the clock', () => {
    const plain = serializeManifest(createManifest([]));
    expect(plain).toBe(
      '{\n  "format": "iom-mirror-manifest",\n  "formatVersion": 1,\n  "fileCount": 0,\n  "totalSize": 0,\n  "files": []\n}\n',
    );
    const full = createManifest([], { buildId: 'b7', buildDate: '2024-06-01', base: '/iom/', meta: { subset: 'fr' } });
    expect(full).toMatchObject({ build: { id: 'b7', date: '2024-06-01' }, base: '/iom/', meta: { subset: 'fr' } });
    expect(serializeManifest(full)).toContain('"build": {"id":"b7","date":"2024-06-01"}');
  });

  it('writes one file per line, so two manifests diff well', () => {
    const text = serializeManifest(createManifest([{ path: 'index.html', size: 3, sha256: hash('x') }]));
    expect(text).toContain(`    {"path":"index.html","size":3,"sha256":"${hash('x')}"}\n  ]`);
  });
});

describe('manifest: reading one', () => {
  const good = createManifest([
    { path: 'ar/index.html', size: 10, sha256: hash('ar') },
    { path: 'index.html', size: 5, sha256: hash('en') },
  ]);

  it('reads back what was written', () => {
    expect(parseManifest(serializeManifest(good))).toEqual(good);
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
    ['a wrong total', (text: string) => text.replace('"totalSize": 15', '"totalSize": 16'), '"totalSize" is 16'],
    ['not JSON', () => '{', 'is not valid JSON'],
  ])('refuses %s, saying what is wrong', (_name, damage, message) => {
    expect(() => parseManifest(damage(serializeManifest(good)), 'the test manifest')).toThrow(message);
  });

  it('refuses a newer format instead of guessing, and says to update the tool', () => {
    const newer = serializeManifest(good).replace('"formatVersion": 1', '"formatVersion": 2');
    const error = (() => {
      try {
        parseManifest(newer);
      } catch (caught) {
        return caught as MirrorError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MirrorError);
    expect(error?.fix).toContain('Update the mirror tool');
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
