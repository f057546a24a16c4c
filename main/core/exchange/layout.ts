/**
 * Where the parts of a package file lie in its bytes, when the file is as Phaen writes it (format.ts
 * serialisePackage: canonical JSON, keys sorted, so `format`, `manifest`, `payload`, `signature`, `version` in
 * that order, and `sha256` last in the manifest). Two uses, both to spare work on a whole package:
 * - the checksum's and the signature's input is then the file's bytes less two members, so it is cut out of
 *   the bytes instead of serialising the parsed package again (sealedInput);
 * - the manifest is the file's first member, so an import orders a folder's packages by reading their
 *   manifests alone (manifestText) before parsing each package fully in turn.
 * Anything else (another writer's spacing or key order) gives null here and takes the general way.
 *
 * The scan works on bytes: every byte of a multi-byte UTF-8 character is 0x80 or more, so none of them is
 * mistaken for a quote, a backslash or a brace.
 */

const encoder = new TextEncoder();
const HEAD = encoder.encode('{"format":"phaen.exchange","manifest":{');
const SHA256_MEMBER = encoder.encode(',"sha256":"');
const SIGNATURE_MEMBER = encoder.encode(',"signature":"');
const VERSION_MEMBER = encoder.encode('","version":');
const SHA256_HEX = 64;
const SIGNATURE_CHARS = 86;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const NEWLINE = 0x0a;

function startsWithAt(bytes: Uint8Array, at: number, part: Uint8Array): boolean {
  if (at < 0 || at + part.length > bytes.length) return false;
  for (let i = 0; i < part.length; i++) if (bytes[at + i] !== part[i]) return false;
  return true;
}

/** Index just past the manifest object's closing brace, or -1 when the file does not start as Phaen writes it. */
function manifestEnd(bytes: Uint8Array): number {
  if (!startsWithAt(bytes, 0, HEAD)) return -1;
  let depth = 1;
  let inString = false;
  for (let i = HEAD.length; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN || b === 0x5b) depth++;
    else if (b === CLOSE || b === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The manifest's JSON text, read from the start of the file without the payload; null if not laid out so. */
export function manifestText(bytes: Uint8Array): string | null {
  const end = manifestEnd(bytes);
  return end < 0 ? null : new TextDecoder().decode(bytes.subarray(HEAD.length - 1, end));
}

/**
 * The checksum's input (format.ts checksumInput: the package without manifest.sha256 and signature) cut out of
 * the file's bytes, with the two values cut out; null if the file is not laid out as Phaen writes it.
 *
 * Why this is the same package the parsed file is: the file parsed as JSON (the caller checked), so the
 * `"sha256"` member found just before the manifest's closing brace, preceded by a comma, is the manifest's
 * last member, and the `"signature"` member followed by `"version":<n>}` at the very end is a member of the
 * whole file (a quote after a comma is never inside a string; the values cut are hex and base64url, with no
 * quote or backslash). Taking both out leaves the other members byte for byte.
 */
export function sealedInput(bytes: Uint8Array): { input: Uint8Array; sha256: string; signature: string } | null {
  const manifestClose = manifestEnd(bytes) - 1;
  if (manifestClose < 0) return null;
  const shaStart = manifestClose - 1 - SHA256_HEX - SHA256_MEMBER.length;
  if (!startsWithAt(bytes, shaStart, SHA256_MEMBER) || bytes[manifestClose - 1] !== QUOTE) return null;
  let end = bytes.length;
  if (bytes[end - 1] === NEWLINE) end--;
  if (bytes[end - 1] !== CLOSE) return null;
  // The version's digits (its value is checked on the parsed file).
  let tailStart = end - 1;
  while (tailStart > 0 && bytes[tailStart - 1]! >= 0x30 && bytes[tailStart - 1]! <= 0x39) tailStart--;
  tailStart -= VERSION_MEMBER.length;
  const signatureStart = tailStart - SIGNATURE_CHARS - SIGNATURE_MEMBER.length;
  if (!startsWithAt(bytes, tailStart, VERSION_MEMBER) || !startsWithAt(bytes, signatureStart, SIGNATURE_MEMBER)) {
    return null;
  }
  const decoder = new TextDecoder();
  const sha256 = decoder.decode(bytes.subarray(shaStart + SHA256_MEMBER.length, manifestClose - 1));
  const signature = decoder.decode(bytes.subarray(tailStart - SIGNATURE_CHARS, tailStart));
  if (!/^[0-9a-f]{64}$/.test(sha256) || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return null;
  const input = new Uint8Array(end - (manifestClose - shaStart) - (tailStart + 1 - signatureStart));
  input.set(bytes.subarray(0, shaStart), 0);
  input.set(bytes.subarray(manifestClose, signatureStart), shaStart);
  // The tail from its comma, `,"version":<n>}` (VERSION_MEMBER starts with the signature's closing quote).
  input.set(bytes.subarray(tailStart + 1, end), shaStart + (signatureStart - manifestClose));
  return { input, sha256, signature };
}
