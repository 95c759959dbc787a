import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir } from '../support/paths.ts';

const repoRoot = path.resolve(appDir, '../..');

describe('pnpm mirror:keygen', () => {
  it('makes a signing key pair where it is told, and prints the fingerprint to give field offices', () => {
    const keys = path.join(mkdtempSync(path.join(tmpdir(), 'mirror-keys-')), 'keys');
    const result = spawnSync('pnpm', ['--dir', repoRoot, '--silent', 'mirror:keygen', '--out', keys], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Fingerprint: ([0-9a-f]{4} ){7}[0-9a-f]{4}\n/);
    expect(readFileSync(path.join(keys, 'mirror-public-key.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    // The private half is readable by its owner only.
    expect(statSync(path.join(keys, 'mirror-private-key.pem')).mode & 0o077).toBe(0);
  });

  it('is what the field-office guide tells headquarters to run', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('pnpm mirror:keygen --out ~/iom-mirror-keys');
    expect(readme).not.toContain('src/cli.ts keygen');
  });
});
