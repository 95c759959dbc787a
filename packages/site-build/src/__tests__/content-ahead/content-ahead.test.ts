import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { readSiteContent } from '@iom/content-model/node';
import { findRepoRoot } from '../../code-digest.ts';
import { readContentAhead, type ContentAheadFile } from '../../content-ahead/content-ahead.ts';
import { contentReadOptions } from '../../content-ahead/read-options.ts';
import { readSiteSettings } from '../../protocol.ts';

const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
const contentDir = path.join(repoRoot, 'content');

/** An app folder of its own (the cache lives under it) and the environment a build of the repository's content has. */
function setUp(env: Record<string, string> = {}) {
  const appDir = mkdtempSync(path.join(tmpdir(), 'content-ahead-'));
  return { appDir, file: path.join(appDir, 'read.content'), env: { ...process.env, SITE_CONTENT_DIR: contentDir, SITE_BASE: '/iom/', ...env } };
}

describe('the content read ahead of Astro', () => {
  it('is the read the loader would make itself, with the settings it was made with', async () => {
    const { appDir, file, env } = setUp();
    const ahead = readContentAhead({ file, env, cwd: appDir, cachePid: process.pid });
    expect(await ahead.done).toEqual({ ok: true });
    const written = deserialize(readFileSync(file)) as ContentAheadFile;
    const { base, cacheDir, samples } = readSiteSettings(env, appDir, repoRoot);
    expect(written.settings).toEqual({ contentDir, base, cacheDir, samples });
    expect(base).toBe('/iom/');
    const own = await readSiteContent(contentReadOptions(written.settings));
    expect(written.read.content.releases.length).toBeGreaterThan(0);
    expect(written.read.issues).toEqual([]);
    expect(written.read).toEqual(own);
    // Astro's process (here: this one) reads the bodies after the reading process has ended: it is a user of the cache.
    const [prepared] = readdirSync(cacheDir).filter((name) => name.startsWith('prepared-'));
    expect(readdirSync(path.join(cacheDir, prepared!, 'users'))).toContain(String(process.pid));
  }, 120_000);

  it('says why when there is no read, and leaves no file', async () => {
    const { appDir, file, env } = setUp({ SITE_SAMPLES: 'sometimes' });
    const ahead = readContentAhead({ file, env, cwd: appDir, cachePid: undefined });
    const result = await ahead.done;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/SITE_SAMPLES is "sometimes"/);
    expect(existsSync(file)).toBe(false);
  }, 120_000);
});
