import { createHash } from 'node:crypto';
import { cacheInputs } from '../cache-inputs.ts';
import { hashDeclaredFiles } from '../code-digest.ts';

/**
 * A digest of everything but the content that a build's output depends on, as `cacheInputs` declares it (the code
 * of the site and its packages, the lockfile, the settings that change the output), and the Node version (its Intl
 * data formats dates and names). Two builds with the same fingerprint and the same content write the same site; an
 * update build is only allowed when the previous build had the same fingerprint.
 *
 * @example
 * buildFingerprint('/work/main') // 'Hq0w…' (22 characters)
 */
export function buildFingerprint(repoRoot: string): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  for (const name of cacheInputs.outputSettings) hash.update(`${name}=${process.env[name] ?? ''}\n`);
  return hashDeclaredFiles(hash, repoRoot, cacheInputs.siteCode).digest('base64url').slice(0, 22);
}
