/**
 * An expected failure, written for the person running the command: what went wrong, in plain words, and what to do.
 *
 * The CLI prints `message` (and `fix` when there is one) without a stack trace; anything that is not a
 * `MirrorError` is a bug and is printed with its stack.
 *
 * @example
 * throw new MirrorError('The folder "site/dist" does not exist.', 'Build the site first, or check the --site path.');
 */
export class MirrorError extends Error {
  /** What to do about it, when there is something to do. */
  readonly fix: string | undefined;

  constructor(message: string, fix?: string) {
    super(message);
    this.name = 'MirrorError';
    this.fix = fix;
  }
}

/**
 * The file a sync or a build received does not match what the signed manifest says about it.
 *
 * Kept as its own class so that tests and callers can tell "the source is bad" apart from other failures.
 */
export class FileMismatchError extends MirrorError {
  /** Path of the file inside the site, as listed in the manifest. */
  readonly path: string;
  readonly expected: { size: number; sha256: string };
  readonly actual: { size: number; sha256: string };

  constructor(
    path: string,
    expected: { size: number; sha256: string },
    actual: { size: number; sha256: string },
    message: string,
    fix?: string,
  ) {
    super(message, fix);
    this.name = 'FileMismatchError';
    this.path = path;
    this.expected = expected;
    this.actual = actual;
  }
}

/** Is `error` a Node system error with the given `code` (`ENOENT`, `EEXIST`, …)? */
export function hasErrorCode(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    codes.includes(error.code)
  );
}

/**
 * Turns the file-system errors people can act on (disk full, no permission, read-only disk) into a `MirrorError`
 * that says so; returns any other error unchanged.
 *
 * @example
 * catch (error) { throw explainSystemError(error, 'writing the new version into /media/usb/iom'); }
 */
export function explainSystemError(error: unknown, doing: string): unknown {
  if (error instanceof MirrorError) return error;
  const path = typeof error === 'object' && error !== null && 'path' in error ? ` (${String(error.path)})` : '';
  if (hasErrorCode(error, 'ENOSPC')) {
    return new MirrorError(
      `The disk is full: ran out of space while ${doing}${path}.`,
      'Free some space (or use a larger disk), then run the command again.',
    );
  }
  if (hasErrorCode(error, 'EACCES', 'EPERM')) {
    return new MirrorError(
      `Permission denied while ${doing}${path}.`,
      'Run the command as a user who may write there, or choose another folder.',
    );
  }
  if (hasErrorCode(error, 'EROFS')) {
    return new MirrorError(
      `The disk is read-only: cannot write while ${doing}${path}.`,
      'Unlock the USB stick (some have a switch) or choose another disk.',
    );
  }
  if (hasErrorCode(error, 'EIO')) {
    return new MirrorError(
      `The disk reported a read/write error while ${doing}${path}.`,
      'The disk may be failing: copy the mirror to another disk if you can.',
    );
  }
  return error;
}
