import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, writeKeyPair } from '../../keygen.ts';
import { createManifest, encodeManifest } from '../../manifest.ts';
import {
  TEST_KEY_FINGERPRINT,
  generateKeyPair,
  isTestKey,
  keyFingerprint,
  publicKeyFromPrivateKey,
  signManifest,
  verifyManifestSignature,
} from '../../signature.ts';
import { sha256, testPrivateKeyPem, testPublicKeyPem, useTempDirs } from '../test-support/fixtures.ts';

const temp = useTempDirs();
const manifestBytes = encodeManifest(
  createManifest([{ path: 'ar/index.html', size: 3, sha256: sha256('abc') }], {
    version: 1,
    created: '2024-06-01T00:00:00Z',
    buildId: 'b1',
  }),
).rootBytes;

describe('signature: a manifest signed with the key', () => {
  it('verifies with the matching public key', () => {
    const signature = signManifest(manifestBytes, testPrivateKeyPem);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    expect(verifyManifestSignature(manifestBytes, signature, testPublicKeyPem)).toBe(true);
  });

  it('is the same every time (Ed25519 is deterministic), so bundles are reproducible', () => {
    expect(signManifest(manifestBytes, testPrivateKeyPem)).toBe(signManifest(manifestBytes, testPrivateKeyPem));
  });

  it('is rejected when one byte of the manifest is flipped', () => {
    const signature = signManifest(manifestBytes, testPrivateKeyPem);
    for (const position of [0, Math.floor(manifestBytes.length / 2), manifestBytes.length - 1]) {
      const flipped = Buffer.from(manifestBytes);
      flipped[position]! ^= 0x01;
      expect(verifyManifestSignature(flipped, signature, testPublicKeyPem)).toBe(false);
    }
  });

  it('is rejected with another key', () => {
    const signature = signManifest(manifestBytes, testPrivateKeyPem);
    const other = generateKeyPair();
    expect(verifyManifestSignature(manifestBytes, signature, other.publicKeyPem)).toBe(false);
  });

  it('is rejected when the signature itself is damaged or not base64', () => {
    const signature = signManifest(manifestBytes, testPrivateKeyPem);
    const damaged = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(verifyManifestSignature(manifestBytes, damaged, testPublicKeyPem)).toBe(false);
    expect(verifyManifestSignature(manifestBytes, 'not a signature', testPublicKeyPem)).toBe(false);
    expect(verifyManifestSignature(manifestBytes, '', testPublicKeyPem)).toBe(false);
  });
});

describe('signature: keys', () => {
  it('explains a file that is not a key, or not an Ed25519 key', () => {
    expect(() => verifyManifestSignature(manifestBytes, 'x', 'hello', 'the file "key.pem"')).toThrow(
      'Could not read the file "key.pem": it is not a PEM public key.',
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(() => keyFingerprint(rsa, 'the file "rsa.pem"')).toThrow('The key in the file "rsa.pem" is of type rsa');
  });

  it('recognises the committed TEST key by its fingerprint', () => {
    expect(keyFingerprint(testPublicKeyPem)).toBe(TEST_KEY_FINGERPRINT);
    expect(isTestKey(testPublicKeyPem)).toBe(true);
    expect(isTestKey(generateKeyPair().publicKeyPem)).toBe(false);
    expect(publicKeyFromPrivateKey(testPrivateKeyPem)).toBe(testPublicKeyPem);
  });

  it('keygen writes a private key only its owner can read, and a public key that verifies its signatures', async () => {
    const dir = join(await temp.make(), 'keys');
    const written = await writeKeyPair(dir);
    expect(written.privateKeyFile).toBe(join(dir, PRIVATE_KEY_FILE));
    expect((await stat(written.privateKeyFile)).mode & 0o077).toBe(0);
    const privateKeyPem = await readFile(written.privateKeyFile, 'utf8');
    const publicKeyPem = await readFile(join(dir, PUBLIC_KEY_FILE), 'utf8');
    expect(verifyManifestSignature(manifestBytes, signManifest(manifestBytes, privateKeyPem), publicKeyPem)).toBe(true);
    expect(written.fingerprint).toBe(keyFingerprint(publicKeyPem));
  });

  it('keygen never overwrites a key', async () => {
    const dir = await temp.make();
    await writeKeyPair(dir);
    const before = await readFile(join(dir, PRIVATE_KEY_FILE), 'utf8');
    await expect(writeKeyPair(dir)).rejects.toThrow('already exists; it was not replaced');
    expect(await readFile(join(dir, PRIVATE_KEY_FILE), 'utf8')).toBe(before);
  });

  it('keygen refuses a folder inside a git working tree', async () => {
    const repository = await temp.make();
    await mkdir(join(repository, '.git'));
    await expect(writeKeyPair(join(repository, 'secrets'))).rejects.toThrow(
      `is inside the git repository ${repository}`,
    );
  });
});
