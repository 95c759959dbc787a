import { describe, expect, it } from 'vitest';
import { parseStatParent, parseVmRssBytes, processTree, treeRssBytes } from '../../bench/process-tree-memory.ts';

describe('reading /proc', () => {
  it('finds the parent after the command name, whatever it contains', () => {
    expect(parseStatParent('4242 (node) S 4200 4242 4200 0 -1 4194560')).toBe(4200);
    expect(parseStatParent('4243 (node (worker) x) R 4242 4242 4200 0 -1')).toBe(4242);
    expect(parseStatParent('garbage')).toBeUndefined();
  });

  it('reads resident memory in bytes, and nothing for a process without it', () => {
    expect(parseVmRssBytes('Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  204800 kB\n')).toBe(204_800 * 1024);
    expect(parseVmRssBytes('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeUndefined();
  });

  it('collects a process and all its descendants, and nothing else', () => {
    const parents = new Map([
      [11, 10],
      [12, 11],
      [13, 11],
      [14, 1],
      [15, 14],
    ]);
    expect(processTree(10, parents).sort()).toEqual([10, 11, 12, 13]);
    expect(processTree(99, parents)).toEqual([99]);
  });

  it.runIf(process.platform === 'linux')('measures this test process', () => {
    expect(treeRssBytes(process.pid)).toBeGreaterThan(10 * 1024 * 1024);
    expect(treeRssBytes(2 ** 22 + 1)).toBe(0);
  });
});
