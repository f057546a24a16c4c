import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * This installation's Ed25519 key pair (node:crypto): it signs every exchange package, so a receiver knows
 * the bytes come from the holder of the key the sender's office registered. The private key lives in the
 * workspace database beside the installation id (meta), is never exported and never travels in a package; a
 * copy of the database that takes a new identity takes a new key too (store.ts).
 */

export interface SigningKey {
  readonly privateKey: KeyObject;
  /** The public key's 32 raw bytes, base64url: what packages carry (core/exchange/format.ts PublicKey). */
  readonly publicKey: string;
}

/** A new key pair, with the private key as stored (PKCS#8 DER, base64). */
export function newSigningKey(): { key: SigningKey; stored: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const stored = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  return { key: loadSigningKey(stored), stored };
}

export function loadSigningKey(stored: string): SigningKey {
  const privateKey = createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { privateKey, publicKey: String(jwk.x) };
}

/** The Ed25519 signature of the text's UTF-8 bytes, base64url. */
export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64url');
}

/** Public keys seen before: a folder of packages from a few offices parses each key once. */
const publicKeys = new Map<string, KeyObject>();

function publicKeyObject(publicKey: string): KeyObject {
  let key = publicKeys.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    if (publicKeys.size > 10_000) publicKeys.clear();
    publicKeys.set(publicKey, key);
  }
  return key;
}

/**
 * Whether `signature` (base64url) is publicKey's signature of the text (or of its UTF-8 bytes, as an import
 * cuts them out of a package file); false for a key that is not one.
 */
export function verifyText(publicKey: string, text: string | Uint8Array, signature: string): boolean {
  try {
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    return verify(null, data, publicKeyObject(publicKey), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * A short fingerprint of a public key to read out over the phone: the first 64 bits of its SHA-256 as 16
 * upper-case hexadecimal characters in groups of 4 ("1A2B 3C4D 5E6F 7081"), digits and A-F only, which read
 * the same in Thai and English.
 */
export function keyFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 16);
  return hex.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
}
