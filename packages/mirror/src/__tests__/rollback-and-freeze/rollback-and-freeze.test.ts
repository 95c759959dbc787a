/**
 * Never backwards, never frozen unknowingly: a sync refuses a version number lower than the mirror's (or the same
 * number with other content) unless told to, and `verify` warns when the content is older than the office allows.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli.ts';
import { MirrorError } from '../../mirror-error.ts';
import { manifestRef, readCurrentId, signatureRef, versionFolderRef } from '../../mirror-layout.ts';
import { versionIdOf } from '../../manifest.ts';
import { rollbackMirror } from '../../rollback.ts';
import { signManifest } from '../../signature.ts';
import { downgradeProblem, syncMirror } from '../../sync.ts';
import { formatVerifyReport, verifyMirror } from '../../verify.ts';
import {
  changedInV2,
  failureOf,
  fixtureVersions,
  makeBundle,
  mirrorFromBundle,
  siteV2,
  siteV3,
  testPrivateKeyPem,
  useFixtureBundles,
  useTempDirs,
} from '../test-support/fixtures.ts';

const temp = useTempDirs();
const bundles = useFixtureBundles();
const DAY_MS = 24 * 60 * 60 * 1000;

/** A field office whose mirror was updated to version 2 (version 1 kept for rollback). */
async function officeAtV2(): Promise<{ root: string; mirror: string }> {
  const root = await temp.make();
  const { v1, v2 } = await bundles();
  const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
  await syncMirror({ source: v2.outDir, mirrorDir: mirror });
  return { root, mirror };
}

async function expectStillAt(mirror: string, id: string): Promise<void> {
  expect(await readCurrentId(mirror)).toBe(id);
  expect(await readFile(join(mirror, 'index.html'), 'utf8')).toContain(`versions/${id}/index.html`);
  expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
}

describe('rollback: a sync never takes the mirror back in time by itself', () => {
  it('compares version numbers: lower is refused, and so is the same number with other content', () => {
    const serving = { id: 'aaaaaaaaaaaaaaaa', version: 7 };
    expect(downgradeProblem({ id: 'bbbbbbbbbbbbbbbb', version: 8 }, serving)).toBeUndefined();
    expect(downgradeProblem({ id: 'bbbbbbbbbbbbbbbb', version: 6 }, serving)).toBe('older');
    expect(downgradeProblem({ id: 'bbbbbbbbbbbbbbbb', version: 7 }, serving)).toBe('same-number');
    expect(downgradeProblem({ id: 'aaaaaaaaaaaaaaaa', version: 7 }, serving)).toBeUndefined();
    // A first sync, or a mirror of the first format (no number): nothing to compare with.
    expect(downgradeProblem({ id: 'bbbbbbbbbbbbbbbb', version: 1 }, undefined)).toBeUndefined();
    expect(downgradeProblem({ id: 'bbbbbbbbbbbbbbbb', version: 1 }, { id: 'a', version: undefined })).toBeUndefined();
  });

  it('refuses an older, validly signed bundle, saying so, and leaves the mirror as it was', async () => {
    const { mirror } = await officeAtV2();
    const { v1, v2 } = await bundles();
    const error = await failureOf(syncMirror({ source: v1.outDir, mirrorDir: mirror }), MirrorError);
    expect(error.message).toContain(`offers version ${v1.versionId} (number ${fixtureVersions.v1!.version} of 2024-06-01`);
    expect(error.message).toContain(`which is older than the version ${v2.versionId} (number ${fixtureVersions.v2!.version}`);
    expect(error.message).toContain('Syncing would take the mirror back in time');
    expect(error.message).toContain(`The mirror was not changed: it still serves version ${v2.versionId}.`);
    expect(error.fix).toContain('--allow-downgrade');
    await expectStillAt(mirror, v2.versionId);
  });

  it('goes back when told to with --allow-downgrade, keeping the newer version for rollback', async () => {
    const { mirror } = await officeAtV2();
    const { v1, v2 } = await bundles();
    const result = await syncMirror({ source: v1.outDir, mirrorDir: mirror, allowDowngrade: true });
    expect(result.status).toBe('updated');
    expect(result.previousVersion).toBe(fixtureVersions.v2!.version);
    await expectStillAt(mirror, v1.versionId);
    // mirror rollback is unchanged: it switches back to the kept version whatever its number.
    expect(await rollbackMirror({ mirrorDir: mirror })).toEqual({ from: v1.versionId, to: v2.versionId });
  });

  it('refuses a version with the same number and other content, unless told to take it', async () => {
    const { root, mirror } = await officeAtV2();
    const { v2 } = await bundles();
    const twin = await makeBundle(root, 'twin', siteV3, { ...fixtureVersions.v2 });
    expect(twin.versionId).not.toBe(v2.versionId);
    const error = await failureOf(syncMirror({ source: twin.outDir, mirrorDir: mirror }), MirrorError);
    expect(error.message).toContain(`the same version number as the version ${v2.versionId}`);
    expect(error.message).toContain('but other content');
    await expectStillAt(mirror, v2.versionId);
    await syncMirror({ source: twin.outDir, mirrorDir: mirror, allowDowngrade: true });
    await expectStillAt(mirror, twin.versionId);
  });

  it('says "up to date" for the same version, and the CLI explains a refusal in plain words', async () => {
    const { mirror } = await officeAtV2();
    const { v1, v2 } = await bundles();
    expect((await syncMirror({ source: v2.outDir, mirrorDir: mirror })).status).toBe('up-to-date');
    let stderr = '';
    const code = await main(['sync', v1.outDir, mirror], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^mirror sync: The source .* offers version [0-9a-f]{16} \(number \d+ of /m);
    expect(stderr).toContain('run the same command again with --allow-downgrade');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('freeze: verify warns when the content is older than the office allows', () => {
  it('warns past the limit (30 days unless set), and not before; 0 turns the warning off', async () => {
    const { v2 } = await bundles();
    const created = Date.parse(fixtureVersions.v2!.created);
    const at = (days: number) => () => created + days * DAY_MS;

    const fresh = await verifyMirror({ mirrorDir: v2.outDir, now: at(29) });
    expect([fresh.problems, fresh.warnings]).toEqual([[], []]);

    const stale = await verifyMirror({ mirrorDir: v2.outDir, now: at(45) });
    expect(stale.problems).toEqual([]);
    expect(stale.warnings).toHaveLength(1);
    expect(stale.warnings[0]).toContain('was made on 2024-06-02 00:00 UTC, 45 days ago (the limit is 30 days');
    expect(formatVerifyReport(stale)).toMatch(/^Warning: this mirror trusts the TEST key[^\n]*\nMirror OK: .*\nWarning: this copy/);

    expect((await verifyMirror({ mirrorDir: v2.outDir, now: at(45), maxAgeDays: 60 })).warnings).toEqual([]);
    expect((await verifyMirror({ mirrorDir: v2.outDir, now: at(4000), maxAgeDays: 0 })).warnings).toEqual([]);
  });

  it('prints the warning from the command line with --max-age, and still exits with 0', async () => {
    const { v2 } = await bundles();
    let stdout = '';
    const code = await main(['verify', v2.outDir, '--max-age', '7'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Mirror OK');
    expect(stdout).toMatch(/Warning: this copy of the site was made on 2024-06-02 00:00 UTC, \d+ days ago \(the limit is 7 days/);
  });
});

describe('mirrors of the first format (no version number)', () => {
  /** Turns a fresh copy of bundle v1 into a mirror of the first format: one signed file listing every file. */
  async function legacyMirror(root: string): Promise<{ mirror: string; id: string }> {
    const { v1 } = await bundles();
    const mirror = await mirrorFromBundle(v1.outDir, join(root, 'legacy'));
    const files = v1.manifest.files.map(
      (file) => `    {"path":${JSON.stringify(file.path)},"size":${file.size},"sha256":"${file.sha256}"}`,
    );
    const text =
      `{\n  "format": "iom-mirror-manifest",\n  "formatVersion": 1,\n  "build": {"id":"v1"},\n` +
      `  "fileCount": ${files.length},\n  "totalSize": ${v1.manifest.totalSize},\n  "files": [\n${files.join(',\n')}\n  ]\n}\n`;
    const id = versionIdOf(Buffer.from(text));
    const { rename, rm } = await import('node:fs/promises');
    await rename(join(mirror, versionFolderRef(v1.versionId)), join(mirror, versionFolderRef(id)));
    await rm(join(mirror, 'versions', `${v1.versionId}.manifest.json`));
    await rm(join(mirror, 'versions', `${v1.versionId}.manifest.json.gz`));
    await rm(join(mirror, 'versions', `${v1.versionId}.manifest.sig`));
    await rm(join(mirror, 'parts'), { recursive: true });
    await writeFile(join(mirror, manifestRef(id)), text);
    await writeFile(join(mirror, signatureRef(id)), signManifest(Buffer.from(text), testPrivateKeyPem));
    await writeFile(join(mirror, 'CURRENT'), `${id}\n`);
    await writeFile(join(mirror, 'index.html'), `<a href="versions/${id}/index.html">x</a>`);
    return { mirror, id };
  }

  it('are still verified, with a note that the next sync brings them to the current format', async () => {
    const { mirror } = await legacyMirror(await temp.make());
    const report = await verifyMirror({ mirrorDir: mirror });
    expect(report.problems).toEqual([]);
    expect(report.warnings[0]).toContain('first mirror format');
  });

  it('are updated once from a new bundle, reusing their files by hash', async () => {
    const { mirror, id } = await legacyMirror(await temp.make());
    const { v2 } = await bundles();
    const notices: string[] = [];
    const result = await syncMirror({ source: v2.outDir, mirrorDir: mirror, onNotice: (text) => notices.push(text) });
    expect(result.previousId).toBe(id);
    expect(result.previousVersion).toBeUndefined();
    expect(result.fetched).toEqual(changedInV2);
    expect(result.reused.length).toBe(Object.keys(siteV2).length - changedInV2.length);
    expect(notices.some((text) => text.includes('first format'))).toBe(true);
    await expectStillAt(mirror, v2.versionId);
    // The old version stays for rollback, in its own format.
    expect((await verifyMirror({ mirrorDir: mirror, versionId: id })).problems).toEqual([]);
  });

  it('are never a sync source: without a version number, nothing proves the update goes forward', async () => {
    const { mirror } = await legacyMirror(await temp.make());
    const root = await temp.make();
    const office = await mirrorFromBundle((await bundles()).v2.outDir, join(root, 'office'));
    await expect(syncMirror({ source: mirror, mirrorDir: office })).rejects.toThrow(
      'is in the first mirror format, which has no version number',
    );
  });
});
