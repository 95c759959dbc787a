import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixtureContent } from '../support/fixture-content.ts';

const cli = path.resolve(import.meta.dirname, '../../cli.ts');
const fixture = makeFixtureContent();
afterAll(() => fixture.remove());

describe('pnpm translate', () => {
  it('prints a loopback address holding the session token, serves it, and stops on Ctrl+C', async () => {
    const child = spawn(process.execPath, [cli, '--port', '0'], { env: { ...process.env, SITE_CONTENT_DIR: fixture.contentDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43})\b/.exec(output);
        if (found) resolve(found[1]!);
      });
      child.once('exit', () => reject(new Error(`pnpm translate stopped:\n${output}`)));
    });
    const response = await fetch(address, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses a port that is not a number, saying what to write', async () => {
    const child = spawn(process.execPath, [cli, '--port', 'eighty'], { env: { ...process.env, SITE_CONTENT_DIR: fixture.contentDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(errors).toContain('pnpm translate --port 4323');
  });
});
