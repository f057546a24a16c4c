import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setThaiLexicon } from '../core/thaiBreak.ts';
import { ThaiLexicon } from '../core/thaiLexicon.ts';

/**
 * The shipped Thai word list and word frequencies (resources/lexicon: PyThaiNLP's words_th and tnc_freq, CC0;
 * see the LICENSE beside them) read once per process and thread, and installed for core's line breaking together with the
 * words users added. The PDF worker, the export in the main process (charts are built there) and the
 * command line all go through here, so the printed plan and its charts break the same way.
 */
export const LEXICON_FILE = join('lexicon', 'words_th.txt');
/** Word frequencies of the Thai National Corpus (PyThaiNLP's tnc_freq, CC0): which segmentation is likelier. */
export const FREQUENCY_FILE = join('lexicon', 'tnc_freq.txt');

const shipped = new Map<string, ThaiLexicon>();
let installed: { resourcesDir: string; words: string } | undefined;

/** The shipped lexicon of this resources folder, read and built on first use (about 0.1 s, bench/pdf.ts). */
function shippedLexicon(resourcesDir: string): ThaiLexicon {
  let lexicon = shipped.get(resourcesDir);
  if (!lexicon) {
    lexicon = ThaiLexicon.parse(
      readFileSync(join(resourcesDir, LEXICON_FILE), 'utf8'),
      readFileSync(join(resourcesDir, FREQUENCY_FILE), 'utf8'),
    );
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
