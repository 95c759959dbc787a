import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../process-alive.ts';

describe('isProcessAlive: whether a mark named after a process is stale', () => {
  it('is true for this process and for one of another user (pid 1, which this process may not signal unless root)', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(1)).toBe(true);
  });

  it('is false for a process that has exited', () => {
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    expect(pid).toBeGreaterThan(0);
    expect(isProcessAlive(pid)).toBe(false);
  });

  it('is false for names that are no process: not a number, 0 and negatives (process groups)', () => {
    expect(isProcessAlive(Number('not-a-pid'))).toBe(false);
    expect(isProcessAlive(0)).toBe(false);
    expect(isProcessAlive(-1)).toBe(false);
  });
});
