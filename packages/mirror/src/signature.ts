import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { MirrorError } from './mirror-error.ts';

/** An Ed25519 key pair as PEM text: SPKI for the public key, PKCS #8 for the private key. */
export interface KeyPairPem {
  publicKeyPem: string;
  privateKeyPem: string;
}

/**
 * Fingerprint of the committed TEST key pair (`packages/mirror/test-keys/`). Its private key is public, so a mirror
 * signed with it proves nothing: `mirror build` refuses it unless told otherwise, and the other commands warn.
 */
export const TEST_KEY_FINGERPRINT = 'e27b 427e 9230 db28 2fdb 9b59 8879 16e3';

/**
 * Makes a new Ed25519 key pair.
 *
 * @example
 * const { publicKeyPem, privateKeyPem } = generateKeyPair();
 */
export function generateKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/**
 * Signs the exact bytes of a manifest. Returns the detached signature as base64 with a final newline, which is the
 * whole content of a `.manifest.sig` file. Ed25519 is deterministic: the same bytes and key give the same signature.
 *
 * @example
 * await writeFile('versions/3f2a9c01d4e5b6a7.manifest.sig', signManifest(manifestBytes, privateKeyPem));
 */
export function signManifest(manifestBytes: Uint8Array, privateKeyPem: string, where = 'the private key'): string {
  const key = readPrivateKey(privateKeyPem, where);
  return `${sign(null, manifestBytes, key).toString('base64')}\n`;
}

/**
 * Checks a detached signature (as written by `signManifest`) over the exact bytes of a manifest.
 * Returns `false` for a bad or malformed signature; throws only when the public key itself is unusable.
 *
 * @example
 * if (!verifyManifestSignature(manifestBytes, signatureText, trustedKeyPem)) throw new Error('not signed by us');
 */
export function verifyManifestSignature(
  manifestBytes: Uint8Array,
  signatureText: string | Uint8Array,
  publicKeyPem: string,
  where = 'the public key',
): boolean {
  const key = readPublicKey(publicKeyPem, where);
  const text = (typeof signatureText === 'string' ? signatureText : Buffer.from(signatureText).toString('utf8')).trim();
  // Buffer.from(…, 'base64') skips junk silently, so check the alphabet first: a signature is 64 bytes, 88 characters.
  if (!/^[A-Za-z0-9+/]{86}==$/.test(text)) return false;
  return verify(null, manifestBytes, key, Buffer.from(text, 'base64'));
}

/**
 * The public key that belongs to a private key, as PEM. `mirror build` uses it to write the bundle's trusted key, so
 * the builder only ever handles one file.
 */
export function publicKeyFromPrivateKey(privateKeyPem: string, where = 'the private key'): string {
  return createPublicKey(readPrivateKey(privateKeyPem, where)).export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * A short, readable fingerprint of a public key: the first 128 bits of the SHA-256 of its SPKI form, in groups of
 * four hex digits, for reading out over the phone when a field office checks the key it trusts.
 *
 * @example
 * keyFingerprint(publicKeyPem) // 'e27b 427e 9230 db28 2fdb 9b59 8879 16e3'
 */
export function keyFingerprint(publicKeyPem: string, where = 'the public key'): string {
  const der = readPublicKey(publicKeyPem, where).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}

/** Is this public key the committed TEST key? */
export function isTestKey(publicKeyPem: string): boolean {
  return keyFingerprint(publicKeyPem) === TEST_KEY_FINGERPRINT;
}

function readPublicKey(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new MirrorError(
      `Could not read ${where}: it is not a PEM public key.`,
      'Use the public key file made by "mirror keygen" (it starts with "-----BEGIN PUBLIC KEY-----").',
    );
  }
  return requireEd25519(key, where);
}

function readPrivateKey(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new MirrorError(
      `Could not read ${where}: it is not a PEM private key.`,
      'Use the private key file made by "mirror keygen" (it starts with "-----BEGIN PRIVATE KEY-----").',
    );
  }
  return requireEd25519(key, where);
}

function requireEd25519(key: KeyObject, where: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new MirrorError(
      `The key in ${where} is of type ${key.asymmetricKeyType ?? 'unknown'}; mirrors are signed with Ed25519 keys.`,
      'Make a key pair with "mirror keygen --out <folder>".',
    );
  }
  return key;
}
