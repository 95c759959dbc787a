import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionOf } from '../../release-files.ts';
import { startWorkbench, type Workbench } from '../../server.ts';
import { makeFixtureContent } from '../support/fixture-content.ts';

let workbench: Workbench;
let fixture: ReturnType<typeof makeFixtureContent>;
const post = async (pathname: string, body: unknown) => {
  const response = await fetch(`${workbench.origin}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-token': workbench.token }, body: JSON.stringify(body) });
  return { status: response.status, answer: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  fixture = makeFixtureContent({ git: true });
  workbench = await startWorkbench({ contentDir: fixture.contentDir, port: 0 });
});
afterAll(async () => {
  await workbench.close();
  fixture.remove();
});

describe('committing a section page translation', () => {
  it('commits that one file with a message naming the page as pnpm i18n:new does', async () => {
    const file = path.join(fixture.contentDir, 'pages', 'our-work', 'es.mdx');
    const before = readFileSync(file, 'utf8');
    const body = `${before.slice(before.indexOf('\n---\n', 3) + 5)}`;
    // The translator's edit: a line break added at the end, so there is something to commit and no new words.
    const saved = await post('/api/save', { page: 'our-work', lang: 'es', version: versionOf(before), fields: { body: `${body}\n` } });
    expect(saved.status).toBe(200);
    const committed = await post('/api/commit', { page: 'our-work', lang: 'es' });
    expect(committed).toEqual({ status: 200, answer: { message: 'Committed: Update the es translation of pages/our-work' } });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: fixture.root, encoding: 'utf8' });
    expect(git('log', '-1', '--name-only', '--format=%s')).toBe('Update the es translation of pages/our-work\n\ncontent/pages/our-work/es.mdx\n');
    expect(git('status', '--porcelain')).toBe('');
  });
});
