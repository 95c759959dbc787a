import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, listFilesSync, writeFileAtomic, writeFileAtomicSync } from '../../index.ts';

function tree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'files-'));
  for (const file of ['b.html', 'a/index.html', 'a/z/deep.html', 'ar/الأخبار/index.html', 'a/style.css']) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), file);
  }
  symlinkSync(path.join(dir, 'b.html'), path.join(dir, 'link.html'));
  // A link to a folder is not followed: its files would be listed twice (or forever, for a link to a parent).
  symlinkSync(path.join(dir, 'a'), path.join(dir, 'linked-folder'));
  return dir;
}

describe('listing the files under a folder', () => {
  it('gives every file in every subfolder, sorted, with forward slashes, folders and links (to files or folders) left out', async () => {
    const dir = tree();
    const expected = ['a/index.html', 'a/style.css', 'a/z/deep.html', 'ar/الأخبار/index.html', 'b.html'];
    expect(await listFiles(dir)).toEqual(expected);
    expect(listFilesSync(dir)).toEqual(expected);
  });

  it('keeps names with an extension, or gives absolute paths', async () => {
    const dir = tree();
    expect(listFilesSync(dir, { extension: '.css' })).toEqual(['a/style.css']);
    expect(await listFiles(dir, { extension: '.css', paths: 'absolute' })).toEqual([path.join(dir, 'a', 'style.css')]);
  });

  it('lists a missing folder as empty, unless told that it must exist', async () => {
    const missing = path.join(tmpdir(), 'files-not-there', String(process.pid));
    expect(await listFiles(missing)).toEqual([]);
    await expect(listFiles(missing, { missing: 'throw' })).rejects.toThrow(/ENOENT/);
    expect(() => listFilesSync(missing, { missing: 'throw' })).toThrow(/ENOENT/);
  });
});

describe('replacing a file atomically', () => {
  it('writes the new content and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'manifest.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    writeFileAtomicSync(file, new TextEncoder().encode('newer'));
    expect(readFileSync(file, 'utf8')).toBe('newer');
    expect(readdirSync(dir)).toEqual(['manifest.json']);
  });

  it('leaves the old file as it was, and no temporary file, when the write fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'manifest.json');
    writeFileSync(file, 'old');
    // A folder where the temporary file would go: opening it for writing fails.
    mkdirSync(`${file}.${process.pid}.tmp`);
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(() => writeFileAtomicSync(path.join(dir, 'missing-folder', 'x.json'), 'x')).toThrow(/ENOENT/);
    expect(existsSync(path.join(dir, 'missing-folder'))).toBe(false);
  });
});
