import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setThaiLexicon } from '../core/thaiBreak.ts';
import {
  COMPACT_LEXICON_FILE,
  compactLexiconStamp,
  decodeCompactLexicon,
  encodeCompactLexicon,
} from '../core/compactLexicon.ts';
import { ThaiLexicon } from '../core/thaiLexicon.ts';

/**
 * The shipped Thai word list and word frequencies (resources/lexicon: PyThaiNLP's words_th and tnc_freq, CC0;
 * see the LICENSE beside them; with Phaen's few additions, words_phaen) read once per process and thread, and installed for core's line breaking together with the
 * words users added. The PDF worker, the export in the main process (charts are built there) and the
 * command line all go through here, so the printed plan and its charts break the same way.
 *
 * Choosing the lexicon's words from the two lists and building their trie (core/wordTrie.ts) takes a quarter of
 * a second, twice per export (main thread and PDF worker). The build does it once and writes the trie's arrays
 * beside the bundle (core/compactLexicon.ts, made by `compactLexiconFile` from electron.vite.config.ts), stamped
 * with the lists' digest: the bundle reads those back in a few milliseconds when the lists it is given are
 * those, and reads the lists otherwise (the source tree).
 */
export const LEXICON_FILE = join('lexicon', 'words_th.txt');
/** Phaen's additions to it: compounds of government text the list lacks (resources/lexicon/README.md). */
export const LEXICON_ADDITIONS_FILE = join('lexicon', 'words_phaen.txt');
/** Word frequencies of the Thai National Corpus (PyThaiNLP's tnc_freq, CC0): which segmentation is likelier. */
export const FREQUENCY_FILE = join('lexicon', 'tnc_freq.txt');

// From the bundle's entry (out/main) or one of its chunks (out/main/chunks).
const COMPACT_CANDIDATES = [`./${COMPACT_LEXICON_FILE}`, `../${COMPACT_LEXICON_FILE}`];

const shipped = new Map<string, ThaiLexicon>();
let installed: { resourcesDir: string; words: string } | undefined;

interface Lists {
  readonly words: Buffer;
  readonly frequencies: Buffer;
  /** What the compact lexicon made of these lists is stamped with. */
  readonly digest: string;
}

function readLists(resourcesDir: string): Lists {
  const words = Buffer.concat([
    readFileSync(join(resourcesDir, LEXICON_FILE)),
    Buffer.from('\n'),
    readFileSync(join(resourcesDir, LEXICON_ADDITIONS_FILE)),
  ]);
  const frequencies = readFileSync(join(resourcesDir, FREQUENCY_FILE));
  const digest = createHash('sha256').update(words).update('\0').update(frequencies).digest('hex');
  return { words, frequencies, digest };
}

/** Node's native base64, for the compact lexicon (core/compactLexicon.ts). */
const toBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const fromBase64 = (base64: string) => Buffer.from(base64, 'base64');

/** The compact lexicon file for the lists of this resources folder, stamped with their digest. */
export function compactLexiconFile(resourcesDir: string): string {
  const { words, frequencies, digest } = readLists(resourcesDir);
  const lexicon = ThaiLexicon.parse(words.toString('utf8'), frequencies.toString('utf8'));
  return encodeCompactLexicon(lexicon, digest, toBase64);
}

/** The lexicon of a compact lexicon file's text; throws on text of another format. */
export const readCompactLexicon = (text: string): ThaiLexicon => decodeCompactLexicon(text, fromBase64);

/** The build's compact lexicon if it was made from these very lists; undefined where there is none. */
function builtLexicon(digest: string): ThaiLexicon | undefined {
  for (const candidate of COMPACT_CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'latin1'); // base64 and a hex digest: ASCII
    // Another format (a file left by an older build) is passed over like other lists: the lists are read instead.
    return compactLexiconStamp(text) === digest ? readCompactLexicon(text) : undefined;
  }
  return undefined;
}

/** The shipped lexicon of this resources folder, read and built on first use (bench/pdf.ts times both ways). */
function shippedLexicon(resourcesDir: string): ThaiLexicon {
  let lexicon = shipped.get(resourcesDir);
  if (!lexicon) {
    const lists = readLists(resourcesDir);
    lexicon =
      builtLexicon(lists.digest) ?? ThaiLexicon.parse(lists.words.toString('utf8'), lists.frequencies.toString('utf8'));
    shipped.set(resourcesDir, lexicon);
  }
  return lexicon;
}

/**
 * Break lines with the shipped lexicon plus `userWords` from now on in this thread. Installing the same
 * words again keeps the segmenter and its cache.
 */
export function installThaiLexicon(resourcesDir: string, userWords: readonly string[] = []): void {
  const words = userWords.join('\n');
  if (installed && installed.resourcesDir === resourcesDir && installed.words === words) return;
  setThaiLexicon(shippedLexicon(resourcesDir).with(userWords));
  installed = { resourcesDir, words };
}
