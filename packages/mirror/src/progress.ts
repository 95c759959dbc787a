/** Where a sync is, for the progress line. */
export interface SyncProgress {
  /**
   * `metadata`: the parts of the file list being read (`filesDone` counts parts); `checking`: local files being hashed
   * for reuse; `fetching`: changed files being downloaded or copied; `publishing`: a bundle's files being added to a
   * channel.
   */
  phase: 'metadata' | 'checking' | 'fetching' | 'publishing';
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

/**
 * Formats a byte count for people, in SI units (1 kB = 1000 bytes), as disk and network tools do.
 *
 * @example
 * formatBytes(999) // '999 B'
 * formatBytes(1_234_567) // '1.2 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/**
 * One progress line.
 *
 * @example
 * formatSyncProgress({ phase: 'fetching', filesDone: 3, filesTotal: 12, bytesDone: 1_200_000, bytesTotal: 4_500_000 })
 * // 'Downloading: 3/12 files, 1.2 MB of 4.5 MB (27%)'
 */
export function formatSyncProgress(progress: SyncProgress, verb = 'Downloading'): string {
  const files = `${progress.filesDone}/${progress.filesTotal} files`;
  if (progress.phase === 'metadata') return `Reading the file list: ${progress.filesDone}/${progress.filesTotal} parts`;
  if (progress.phase === 'checking') return `Checking local files: ${files}`;
  if (progress.phase === 'publishing') return `Adding to the channel: ${files}`;
  const percent = progress.bytesTotal === 0 ? 100 : Math.floor((progress.bytesDone / progress.bytesTotal) * 100);
  return `${verb}: ${files}, ${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)} (${percent}%)`;
}

/** What a progress reporter writes to: `process.stderr`, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Shows progress on a stream. On a terminal, one line rewritten in place; otherwise (a log file, a CI job, a
 * scheduled task) a new line at most every `intervalMs` and whenever the phase changes, so logs stay short.
 *
 * @example
 * const reporter = createProgressReporter(process.stderr, 'Downloading');
 * await syncMirror({ …, onProgress: reporter.update });
 * reporter.finish();
 */
export function createProgressReporter(
  stream: ProgressStream,
  verb = 'Downloading',
  options: { intervalMs?: number; now?: () => number } = {},
): { update: (progress: SyncProgress) => void; finish: () => void } {
  const interactive = stream.isTTY === true;
  const intervalMs = options.intervalMs ?? (interactive ? 100 : 5000);
  const now = options.now ?? Date.now;
  let lastAt = -Infinity;
  let lastPhase: SyncProgress['phase'] | undefined;
  let pending: SyncProgress | undefined;
  let lineOpen = false;
  let lastText = '';

  const show = (progress: SyncProgress): void => {
    const text = formatSyncProgress(progress, verb);
    pending = undefined;
    if (text === lastText) return;
    lastText = text;
    // \r goes back to the start of the line and \x1b[K clears what a longer previous line left.
    stream.write(interactive ? `\r${text}\x1b[K` : `${text}\n`);
    lineOpen = interactive;
    lastAt = now();
    lastPhase = progress.phase;
  };

  return {
    update(progress) {
      const complete = progress.filesDone === progress.filesTotal;
      if (progress.phase !== lastPhase || complete || now() - lastAt >= intervalMs) show(progress);
      else pending = progress;
    },
    finish() {
      if (pending) show(pending);
      if (lineOpen) stream.write('\n');
      lineOpen = false;
    },
  };
}
