import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repoContent = path.resolve(src, '../../../content');
const work = mkdtempSync(path.join(tmpdir(), 'content-todo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = path.join(work, 'content');
for (const part of ['i18n', 'themes.yaml', 'countries/official-names.yaml', 'countries/ly', 'countries/tn', 'organisation-contacts.yaml']) cpSync(path.join(repoContent, part), path.join(content, part), { recursive: true });
// Tunisia's phone confirmed: it is no longer to do.
const tunisia = path.join(content, 'countries/tn/country.yaml');
writeFileSync(tunisia, readFileSync(tunisia, 'utf8').replace(/(phone:\n\s+value: [^\n]+)\n\s+placeholder: true/, '$1'));

const run = (cli: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(src, 'cli', cli), ...args], { env: { ...process.env, SITE_CONTENT_DIR: content }, encoding: 'utf8' });

describe('pnpm content:todo', { timeout: 60_000 }, () => {
  it('lists the placeholders by country and field, as JSON for tools', () => {
    const result = run('content-todo.ts', '--json');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { records: number; values: number; unconfirmed: { owner: string; file: string; fields: { field: string; value: string }[] }[] };
    expect(report.unconfirmed.map((record) => record.owner)).toEqual(['LY', 'TN', 'headquarters']);
    const libya = report.unconfirmed[0]!;
    expect(libya.file).toBe('content/countries/ly/country.yaml');
    expect(libya.fields.map((field) => field.field)).toEqual(['chiefOfMission', 'offices.0.address', 'offices.0.phone', 'offices.0.email']);
    expect(report.unconfirmed[1]!.fields.map((field) => field.field)).not.toContain('offices.0.phone');
    expect(report.values).toBe(report.unconfirmed.reduce((sum, record) => sum + record.fields.length, 0));
  });

  it('prints them for people, and pnpm check:content ends with their count without failing', () => {
    const todo = run('content-todo.ts');
    expect(todo.stdout).toMatch(/^Libya \(LY\) {2}content\/countries\/ly\/country\.yaml\n {2}chiefOfMission/);
    const check = run('check-content.ts');
    expect(check.status, check.stderr).toBe(0);
    const count = JSON.parse(run('content-todo.ts', '--json').stdout) as { values: number };
    expect(check.stdout.trim().split('\n').at(-1)).toBe(`To confirm: ${count.values} contact values in 3 records are placeholders and not published; pnpm content:todo lists them.`);
  });
});
