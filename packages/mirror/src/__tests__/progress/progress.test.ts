import { describe, expect, it } from 'vitest';
import { describeSync } from '../../cli.ts';
import { createManifest } from '../../manifest.ts';
import { createProgressReporter, formatBytes, formatSyncProgress } from '../../progress.ts';
import type { SyncProgress } from '../../progress.ts';
import type { SyncResult } from '../../sync.ts';

const at = (filesDone: number, bytesDone: number): SyncProgress => ({
  phase: 'fetching',
  filesDone,
  filesTotal: 4,
  bytesDone,
  bytesTotal: 4_000_000,
});

describe('progress: wording', () => {
  it('formats bytes in SI units', () => {
    expect([0, 999, 1000, 1_234_567, 45_300_000_000].map(formatBytes)).toEqual([
      '0 B',
      '999 B',
      '1.0 kB',
      '1.2 MB',
      '45.3 GB',
    ]);
  });

  it('says files and bytes done, of the total, with a percentage', () => {
    expect(formatSyncProgress(at(1, 1_200_000))).toBe('Downloading: 1/4 files, 1.2 MB of 4.0 MB (30%)');
    expect(formatSyncProgress({ phase: 'checking', filesDone: 3, filesTotal: 9, bytesDone: 0, bytesTotal: 0 })).toBe(
      'Checking local files: 3/9 files',
    );
  });
});

describe('progress: where it is shown', () => {
  it('rewrites one line on a terminal', () => {
    const written: string[] = [];
    const reporter = createProgressReporter({ isTTY: true, write: (text: string) => written.push(text) }, 'Copying', {
      intervalMs: 0,
    });
    reporter.update(at(0, 0));
    reporter.update(at(2, 2_000_000));
    reporter.finish();
    expect(written).toEqual([
      '\rCopying: 0/4 files, 0 B of 4.0 MB (0%)\x1b[K',
      '\rCopying: 2/4 files, 2.0 MB of 4.0 MB (50%)\x1b[K',
      '\n',
    ]);
  });

  it('prints a line at most every interval elsewhere (logs), plus the last one', () => {
    let now = 0;
    const written: string[] = [];
    const reporter = createProgressReporter(
      { isTTY: false, write: (text: string) => written.push(text) },
      'Downloading',
      {
        intervalMs: 5000,
        now: () => now,
      },
    );
    reporter.update(at(0, 0));
    for (let step = 1; step <= 30; step++) {
      now += 1000;
      reporter.update(at(Math.min(3, Math.floor(step / 10)), step * 100_000));
    }
    reporter.update(at(4, 4_000_000));
    reporter.finish();
    expect(written.length).toBe(8); // the first, one every 5 s of 30 s, and the last
    expect(written.at(-1)).toBe('Downloading: 4/4 files, 4.0 MB of 4.0 MB (100%)\n');
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });
});

describe('progress: the closing report', () => {
  it('says what was fetched, reused, and what crossed the link compared to a full copy', () => {
    const manifest = createManifest(
      [
        { path: 'a.html', size: 1_000_000, sha256: 'a'.repeat(64) },
        { path: 'b.webp', size: 3_000_000, sha256: 'b'.repeat(64) },
      ],
      { version: 1_717_286_400, created: '2024-06-02T00:00:00Z', buildId: '2024-06-02.1' },
    );
    const result: SyncResult = {
      status: 'updated',
      source: 'http://192.168.1.10:8080/',
      sourceKind: 'http',
      sourceLayout: 'mirror',
      previousId: '0123456789abcdef',
      previousVersion: 1_717_200_000,
      versionId: 'fedcba9876543210',
      manifest,
      partCount: 1,
      partsFetched: 1,
      metadataBytes: 800,
      receivedBytes: 1_000_800,
      fetched: ['a.html'],
      fetchedBytes: 1_000_000,
      reused: ['b.webp'],
      reusedBytes: 3_000_000,
      resumed: [],
      resumedBytes: 0,
      patched: [],
      usedDeltaPack: false,
      damagedLocal: [],
      savedBytes: 3_000_000,
      pruned: [],
    };
    expect(describeSync(result)).toEqual([
      'Updated to version fedcba9876543210 (number 1717286400 of 2024-06-02 00:00 UTC, build 2024-06-02.1).',
      '  1 of 2 files downloaded: 1.0 MB (1000000 bytes)',
      '  1 file reused from this mirror',
      '  File list: 1 of 1 part fetched, 800 B with the signed root.',
      '  In all 1.0 MB (1000800 bytes) downloaded, file list included; a full copy is 4.0 MB: 3.0 MB saved (75%).',
      '  The previous version 0123456789abcdef is kept: "mirror rollback" goes back to it.',
    ]);
  });
});
