/**
 * Figures as people read them in a terminal: binary units for memory and sizes (a GiB target is a GiB), seconds for
 * wall time, thousands grouped.
 */

/**
 * @example
 * formatBytes(1536) // '1.5 KiB'
 * formatBytes(2.5 * 1024 ** 3) // '2.50 GiB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // GiB figures are compared with targets such as 2 GiB: two decimals; smaller units need fewer.
  const digits = unit >= 2 ? 2 : value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/**
 * @example
 * formatDuration(850) // '850 ms'
 * formatDuration(12_340) // '12.3 s'
 * formatDuration(125_000) // '2 min 05 s'
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/**
 * @example
 * formatCount(20000) // '20,000'
 */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
