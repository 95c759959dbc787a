import { appendFile, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildBundle, toJavaScript } from '../../bundle.ts';
import { MirrorError } from '../../mirror-error.ts';
import { compressedManifestRef, manifestRef, partRef, readCurrentId, versionFolderRef } from '../../mirror-layout.ts';
import { parseRoot } from '../../manifest.ts';
import { formatVerifyReport, verifyMirror } from '../../verify.ts';
import {
  failureOf,
  fixtureVersions,
  makeBundle,
  siteV1,
  testPrivateKeyPem,
  useTempDirs,
  writeSite,
} from '../test-support/fixtures.ts';

const temp = useTempDirs();
const when = fixtureVersions.v1!;

async function cleanBundle(): Promise<{ dir: string; id: string }> {
  const root = await temp.make();
  const bundle = await makeBundle(root, 'bundle', siteV1, { meta: { subset: 'en,fr,ar' }, base: '/iom/' });
  return { dir: bundle.outDir, id: bundle.versionId };
}

describe('bundle and verify: a clean bundle', () => {
  it('is a mirror folder with one version, its signed root and parts, the trusted key and an index page', async () => {
    const { dir, id } = await cleanBundle();
    expect((await readdir(dir)).sort()).toEqual(['CURRENT', 'index.html', 'parts', 'trusted-public-key.pem', 'versions']);
    expect(await readCurrentId(dir)).toBe(id);
    expect((await readdir(join(dir, 'versions'))).sort()).toEqual([
      id,
      `${id}.manifest.json`,
      `${id}.manifest.json.gz`,
      `${id}.manifest.sig`,
    ]);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain(`url=versions/${id}/index.html`);
    const rootBytes = await readFile(join(dir, manifestRef(id)));
    const root = parseRoot(rootBytes);
    expect(root).toMatchObject({
      version: when.version,
      created: when.created,
      base: '/iom/',
      meta: { subset: 'en,fr,ar' },
      build: { id: 'bundle' },
      fileCount: Object.keys(siteV1).length,
    });
    expect(gunzipSync(await readFile(join(dir, compressedManifestRef(id)))).equals(rootBytes)).toBe(true);
    expect((await readdir(join(dir, 'parts'))).sort()).toEqual(
      root.parts.map((part) => partRef(part.sha256).slice('parts/'.length)).sort(),
    );
    expect(await readFile(join(dir, versionFolderRef(id), 'ar', 'الأخبار', 'index.html'), 'utf8')).toBe(
      siteV1['ar/الأخبار/index.html'],
    );
  });

  it('verifies', async () => {
    const { dir, id } = await cleanBundle();
    const report = await verifyMirror({ mirrorDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.versionId).toBe(id);
    expect(report.trustsTestKey).toBe(true);
    expect(formatVerifyReport(report)).toContain(
      `Mirror OK: version ${id} (number ${when.version} of 2024-06-01 00:00 UTC, build bundle), ${Object.keys(siteV1).length} files`,
    );
  });

  it('carries the tool as plain JavaScript that needs no TypeScript support', async () => {
    const root = await temp.make();
    await writeSite(join(root, 'site'), { 'index.html': 'x' });
    const bundle = await buildBundle({
      siteDir: join(root, 'site'),
      outDir: join(root, 'out'),
      privateKeyPem: testPrivateKeyPem,
      allowTestKey: true,
      ...when,
    });
    const tool = await readdir(join(bundle.outDir, 'mirror-tool'));
    expect(tool).toContain('cli.js');
    expect(tool).toContain('server.js');
    expect(tool.some((name) => name.endsWith('.ts'))).toBe(false);
    const cli = await readFile(join(bundle.outDir, 'mirror-tool', 'cli.js'), 'utf8');
    expect(cli).not.toMatch(/from '\.\/[a-z-]+\.ts'/);
    const stripped = toJavaScript(
      "import type { A } from './a.ts';\nimport { b } from './b.ts';\nconst n: number = b;",
      'x.ts',
    );
    // Types become spaces, so line and column numbers in the bundle match the source.
    expect(stripped.split('\n').map((line) => line.trimEnd())).toEqual([
      '',
      "import { b } from './b.js';",
      'const n         = b;',
    ]);
    expect(await readFile(join(bundle.outDir, 'README.txt'), 'utf8')).toContain('node mirror-tool/cli.js serve .');
  });
});

describe('bundle and verify: a damaged mirror', () => {
  it('lists exactly the file with a flipped byte, with expected and found hashes', async () => {
    const { dir, id } = await cleanBundle();
    const path = join(dir, versionFolderRef(id), 'images', 'photo.webp');
    const bytes = await readFile(path);
    bytes[1000]! ^= 0xff;
    await writeFile(path, bytes);
    const report = await verifyMirror({ mirrorDir: dir });
    expect(report.problems.map((problem) => [problem.kind, problem.path])).toEqual([['damaged', 'images/photo.webp']]);
    expect(report.problems[0]!.message).toMatch(
      /^expected 48000 bytes, sha256 [0-9a-f]{64}; found 48000 bytes, sha256 [0-9a-f]{64}$/,
    );
    expect(formatVerifyReport(report)).toContain('damaged  images/photo.webp: expected 48000 bytes');
  });

  it('lists a deleted file as missing and an added one as extra', async () => {
    const { dir, id } = await cleanBundle();
    await unlink(join(dir, versionFolderRef(id), 'fr', 'index.html'));
    await writeFile(join(dir, versionFolderRef(id), 'ar', 'notes.txt'), 'not part of the site');
    const report = await verifyMirror({ mirrorDir: dir });
    expect(report.problems.map((problem) => [problem.kind, problem.path])).toEqual([
      ['missing', 'fr/index.html'],
      ['extra', 'ar/notes.txt'],
    ]);
  });

  it('refuses to trust the file list when the manifest was changed, and checks no file', async () => {
    const { dir, id } = await cleanBundle();
    await appendFile(join(dir, manifestRef(id)), ' ');
    const report = await verifyMirror({ mirrorDir: dir });
    expect(report.problems.map((problem) => problem.kind)).toEqual(['manifest']);
    expect(report.problems[0]!.message).toContain(`does not belong to version ${id}`);
  });

  it('names a part of the file list that was changed or lost, and checks no file', async () => {
    const { dir, id } = await cleanBundle();
    const [first] = parseRoot(await readFile(join(dir, manifestRef(id)))).parts;
    await writeFile(join(dir, partRef(first!.sha256)), gzipSync('{"format":"iom-mirror-part","files":[]}\n'));
    const report = await verifyMirror({ mirrorDir: dir });
    expect(report.problems.map((problem) => problem.kind)).toEqual(['manifest']);
    expect(report.problems[0]!.message).toContain(`The part ${partRef(first!.sha256)} of the mirror in ${dir} is damaged`);
    await unlink(join(dir, partRef(first!.sha256)));
    expect((await verifyMirror({ mirrorDir: dir })).problems[0]!.message).toContain('is missing');
  });

  it('reports a manifest signed by another key', async () => {
    const { dir } = await cleanBundle();
    const other = await temp.make();
    const { writeKeyPair } = await import('../../keygen.ts');
    const keys = await writeKeyPair(other);
    const report = await verifyMirror({ mirrorDir: dir, publicKeyFile: keys.publicKeyFile });
    expect(report.problems.map((problem) => problem.kind)).toEqual(['signature']);
    expect(report.problems[0]!.message).toContain('is not signed by the trusted key');
  });

  it('reports an index.html that does not open the current version', async () => {
    const { dir } = await cleanBundle();
    await writeFile(join(dir, 'index.html'), '<a href="versions/0000000000000000/index.html">old</a>');
    const report = await verifyMirror({ mirrorDir: dir });
    expect(report.problems.map((problem) => problem.kind)).toEqual(['index']);
  });
});

describe('bundle and verify: what build refuses', () => {
  it('refuses the TEST key unless told it is a fixture', async () => {
    const root = await temp.make();
    await writeSite(join(root, 'site'), { 'index.html': 'x' });
    const error = await failureOf(
      buildBundle({ siteDir: join(root, 'site'), outDir: join(root, 'out'), privateKeyPem: testPrivateKeyPem, ...when }),
      MirrorError,
    );
    expect(error.message).toContain('is the committed TEST key');
    expect(await readdir(root)).toEqual(['site']);
  });

  it('never writes into a folder that is not empty, nor inside the site', async () => {
    const root = await temp.make();
    await writeSite(join(root, 'site'), { 'index.html': 'x' });
    await writeSite(join(root, 'old'), { 'keep.txt': 'x' });
    const options = { siteDir: join(root, 'site'), privateKeyPem: testPrivateKeyPem, allowTestKey: true, ...when };
    await expect(buildBundle({ ...options, outDir: join(root, 'old') })).rejects.toThrow('is not empty');
    await expect(buildBundle({ ...options, outDir: join(root, 'site', 'mirror') })).rejects.toThrow('overlap');
    await expect(buildBundle({ ...options, siteDir: join(root, 'nope'), outDir: join(root, 'x') })).rejects.toThrow(
      'does not exist',
    );
  });

  it('refuses a base that is not a plain URL path', async () => {
    const root = await temp.make();
    await writeSite(join(root, 'site'), { 'index.html': 'x' });
    await expect(
      buildBundle({
        siteDir: join(root, 'site'),
        outDir: join(root, 'out'),
        privateKeyPem: testPrivateKeyPem,
        allowTestKey: true,
        ...when,
        base: '/../x',
      }),
    ).rejects.toThrow('is not a simple URL path');
  });
});
