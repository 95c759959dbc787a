/**
 * Is the process `pid` still running? Caches and staging folders mark who uses them with a file named after the
 * process; a mark whose process is gone is stale and may be removed.
 *
 * @example
 * isProcessAlive(process.pid) // true
 * isProcessAlive(Number('not-a-pid')) // false
 */
export function isProcessAlive(pid: number): boolean {
  // 0 and negative numbers name process groups, not a process.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
