import { ThaiLexicon } from './thaiLexicon.ts';

/**
 * The compact lexicon: the shipped lexicon's trie (wordTrie.ts) as the build writes it once, so that nobody
 * chooses and sorts 59,000 words again at start-up. The build emits it beside the main bundle (read by
 * services/thaiLexicon.ts for the main process, the PDF worker and the command line) and beside the renderer's
 * (read by renderer/src/thai/lexicon.ts for the screen's word breaks); both read it with `decodeCompactLexicon`.
 *
 * Text, one item a line: a stamp (the digest of the lists it was made of, which services/thaiLexicon.ts
 * compares), the header with the corpus size after a tab, then the trie's four arrays in base64, in the byte
 * order of the machine that built it (little-endian on every platform Phaen ships for).
 *
 * Base64 is converted by the caller, natively: Node's Buffer, Chromium's Uint8Array.fromBase64. Pure JavaScript
 * (atob and a copy loop) takes 8–36 ms for these 2 MB, about what the whole read takes natively.
 */
export const COMPACT_LEXICON_FILE = 'thaiLexicon.txt';

/** The second line, with the corpus size after a tab: what a compact lexicon of this format is known by. */
const HEADER = 'phaen-thai-lexicon 2';

export type ToBase64 = (bytes: Uint8Array) => string;
export type FromBase64 = (base64: string) => Uint8Array;

/** The compact lexicon of a lexicon without users' words, stamped with `stamp` (one line). */
export function encodeCompactLexicon(lexicon: ThaiLexicon, stamp: string, toBase64: ToBase64): string {
  const { total, trie } = lexicon.parts();
  const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [
    stamp,
    `${HEADER}\t${total}`,
    ...[trie.first, trie.label, trie.costIndex, trie.costs].map((a) => toBase64(bytes(a))),
  ].join('\n');
}

/** The stamp of a compact lexicon of this format; undefined for other text (a file left by an older build). */
export function compactLexiconStamp(text: string): string | undefined {
  const newline = text.indexOf('\n');
  return newline >= 0 && text.startsWith(`${HEADER}\t`, newline + 1) ? text.slice(0, newline) : undefined;
}

/** The lexicon of a compact lexicon's text; throws on text of another format. */
export function decodeCompactLexicon(text: string, fromBase64: FromBase64): ThaiLexicon {
  const [, head = '', ...arrays] = text.split('\n');
  const [header, count] = head.split('\t');
  if (header !== HEADER || !count || arrays.length !== 4) throw new Error('not a compact Thai lexicon');
  // Copied out of the decoded bytes: Node's may sit in its shared pool, at offsets no Int32Array may start at.
  const [first, label, costIndex, costs] = arrays.map((line) => {
    const bytes = fromBase64(line);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }) as [ArrayBuffer, ArrayBuffer, ArrayBuffer, ArrayBuffer];
  const nodes = label.byteLength;
  return ThaiLexicon.fromParts({
    total: Number(count),
    trie: {
      first: new Int32Array(first),
      label: new Uint8Array(label),
      costIndex: costIndex.byteLength === 2 * nodes ? new Uint16Array(costIndex) : new Uint32Array(costIndex),
      costs: new Float64Array(costs),
    },
  });
}
