import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtureContent } from '../support/fixture-content.ts';
import { appDir, testOutputDir } from '../support/paths.ts';

/** A free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Fetches a page until `accept` says yes (the dev server reloads content asynchronously), at most `seconds`. */
async function waitForPage(url: string, accept: (html: string) => boolean, seconds = 60): Promise<string> {
  let last = '';
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; ) {
    try {
      last = await (await fetch(url)).text();
      if (accept(last)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} never became what the test waits for; last response:\n${last.slice(0, 2000)}\n(see apps/site/.test-output/dev-preview.log)`);
}

describe('the live preview for translators (pnpm dev)', () => {
  const content = makeFixtureContent(['ly'], ['2016/iom-unhcr-train-libyan-partners']);
  let dev: ChildProcess;
  let base: string;
  const log = path.join(testOutputDir, 'dev-preview.log');
  beforeAll(async () => {
    mkdirSync(testOutputDir, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = spawn(process.execPath, [path.join(appDir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: appDir,
      // Vitest's own variables (NODE_ENV=test, VITEST…) would make Astro's Vite think it runs under a test runner.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV')), SITE_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
      // Its output goes to a log file for when the test fails (with no output stream at all, astro dev never listened).
      stdio: ['ignore', openSync(log, 'w'), openSync(log, 'a')],
    });
    await waitForPage(`${base}/en/`, (html) => html.includes('<h1'), 120);
  }, 150_000);
  afterAll(() => {
    dev?.kill();
    rmSync(path.dirname(content), { recursive: true, force: true });
  });

  it('shows a content problem on the page after a save, and takes it away once fixed', async () => {
    const file = path.join(content, 'releases/2016/added-while-previewing/en.mdx');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '---\ntitle: "Added while previewing"\ndate: 2016-10-01\ndateline:\n  place: Tripoli\n  country: LY\n---\n\nTotal {1 + 1} people.\n');
    const broken = await waitForPage(`${base}/en/`, (html) => html.includes('<section class="content-problems"'));
    expect(broken).toContain('content/releases/2016/added-while-previewing/en.mdx:9:7');

    writeFileSync(file, '---\ntitle: "Added while previewing"\ndate: 2016-10-01\ndateline:\n  place: Tripoli\n  country: LY\n---\n\nTotal: two people.\n');
    const fixed = await waitForPage(`${base}/en/news/`, (html) => html.includes('Added while previewing'));
    expect(fixed).not.toContain('<section class="content-problems"');
  }, 150_000);

  it('shows a saved translation on its own page, the page the translator has open', async () => {
    const file = path.join(content, 'releases/2016/iom-unhcr-train-libyan-partners/ar.mdx');
    const slug = /^slug: (.+)$/m.exec(readFileSync(file, 'utf8'))![1]!;
    const url = `${base}/ar/news/${encodeURIComponent(slug)}/`;
    const before = await waitForPage(url, (html) => html.includes('<h1'));
    expect(before).not.toContain('جملة أضافها المترجم للتو.');
    appendFileSync(file, '\nجملة أضافها المترجم للتو.\n');
    const after = await waitForPage(url, (html) => html.includes('جملة أضافها المترجم للتو.'));
    expect(after).toContain('dir="rtl"');
    expect(after).not.toContain('<section class="content-problems"');
  }, 150_000);

  it('shows the last of several quick saves, however the reloads they start overlap', async () => {
    const file = path.join(content, 'releases/2016/saved-three-times/en.mdx');
    mkdirSync(path.dirname(file), { recursive: true });
    const version = (n: number) => `---\ntitle: "Saved three times"\ndate: 2016-10-02\ndateline:\n  place: Tripoli\n  country: LY\n---\n\nVersion ${n} of the text.\n`;
    for (const n of [1, 2, 3]) {
      writeFileSync(file, version(n));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const page = await waitForPage(`${base}/en/news/saved-three-times/`, (html) => html.includes('Version 3 of the text.'));
    // Once every reload is done, the page still shows the last save.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(await (await fetch(`${base}/en/news/saved-three-times/`)).text()).toContain('Version 3 of the text.');
    expect(page).not.toContain('Version 2 of the text.');
  }, 150_000);
});
