import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../server.ts';
import { launchChromium } from './browser.ts';
import { makeFixtureContent } from './fixture-content.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

/** A workbench on a temporary copy of the content, and a Chromium page that opened its printed address. */
export interface Session {
  contentDir: string;
  workbench: Workbench;
  browser: Browser;
  page: Page;
  /** Errors the page's script threw or logged: a test ends by expecting none. */
  pageErrors: string[];
  close: () => Promise<void>;
}

export async function openSession(options: { git?: boolean; beforeStart?: (contentDir: string) => void } = {}): Promise<Session> {
  const fixture = makeFixtureContent({ git: options.git });
  options.beforeStart?.(fixture.contentDir);
  const workbench = await startWorkbench({ contentDir: fixture.contentDir, port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // Chromium logs every answer of 400 or more as an error; a 409 is the conflict flow working as meant.
    if (message.type() === 'error' && !message.text().includes('status of 409')) pageErrors.push(message.text());
  });
  // Any request to another origin fails the test: the workbench must work offline and ask nobody else.
  await page.route((url) => url.origin !== workbench.origin, (route) => {
    pageErrors.push(`request to another origin: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(workbench.url);
  return {
    contentDir: fixture.contentDir,
    workbench,
    browser,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await workbench.close();
      fixture.remove();
    },
  };
}

/** Runs one of content-model's command-line tools on the copy, as a translator would with SITE_CONTENT_DIR set. */
export function runContentTool(tool: 'check-content' | 'i18n-status', contentDir: string, args: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'packages/content-model/src/cli', `${tool}.ts`), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SITE_CONTENT_DIR: contentDir } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
