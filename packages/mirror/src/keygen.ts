import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { MirrorError, hasErrorCode } from './mirror-error.ts';
import { generateKeyPair, keyFingerprint } from './signature.ts';

/** File names `mirror keygen` writes. */
export const PRIVATE_KEY_FILE = 'mirror-private-key.pem';
export const PUBLIC_KEY_FILE = 'mirror-public-key.pem';

/**
 * Makes a new key pair and writes it to `outDir`: the private key readable by its owner only, the public key for
 * everyone. Refuses to overwrite a key (that would orphan every mirror signed with it) and refuses a folder inside a
 * git working tree (a private key must never be committed).
 *
 * @example
 * await writeKeyPair('/secure/iom-mirror-keys')
 * // { privateKeyFile: '/secure/iom-mirror-keys/mirror-private-key.pem', publicKeyFile: …, fingerprint: '1a2b 3c4d …' }
 */
export async function writeKeyPair(
  outDir: string,
): Promise<{ privateKeyFile: string; publicKeyFile: string; fingerprint: string }> {
  const folder = resolve(outDir);
  const repository = enclosingGitRepository(folder);
  if (repository !== undefined) {
    throw new MirrorError(
      `${folder} is inside the git repository ${repository}; a private key there is one "git add" away from being published.`,
      'Choose a folder outside any repository, for example on the build machine or an encrypted USB stick kept at headquarters.',
    );
  }
  await mkdir(folder, { recursive: true });
  const { privateKeyPem, publicKeyPem } = generateKeyPair();
  const privateKeyFile = join(folder, PRIVATE_KEY_FILE);
  const publicKeyFile = join(folder, PUBLIC_KEY_FILE);
  try {
    // 'wx': fail if the file exists, instead of replacing a key that mirrors already trust.
    await writeFile(privateKeyFile, privateKeyPem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (hasErrorCode(error, 'EEXIST')) {
      throw new MirrorError(
        `${privateKeyFile} already exists; it was not replaced.`,
        'Mirrors signed with that key would no longer update. To really make a new key, choose another folder.',
      );
    }
    throw error;
  }
  await writeFile(publicKeyFile, publicKeyPem, { flag: 'w', mode: 0o644 });
  return { privateKeyFile, publicKeyFile, fingerprint: keyFingerprint(publicKeyPem) };
}

/** The top folder of the git working tree holding `folder` (or the nearest folder of it that exists), if any. */
export function enclosingGitRepository(folder: string): string | undefined {
  let current = resolve(folder);
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
