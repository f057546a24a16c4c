import { useSyncExternalStore } from 'react';
import { setThaiLexicon } from '../../../main/core/thaiBreak.ts';
import { ThaiLexicon } from '../../../main/core/thaiLexicon.ts';

/**
 * The shipped Thai lexicon on the screen, for the strategy map and chart labels (core/charts wrap with it) and
 * for the word breaks of displayed text (ThaiText). Bundled with the renderer (an offline app: no fetch) as
 * separate chunks, loaded once just after the first screen is painted (main.tsx), so start-up does not wait for
 * some 3 MB of word lists; until then ICU decides, and components that read useThaiLexicon() draw again once it
 * is there. The workspace's own words (thaiWords.list) are added as soon as both are known.
 */
let version = 0;
const listeners = new Set<() => void>();
let shipped: ThaiLexicon | undefined;
let loading = false;
let userWords: readonly string[] = [];

function install(): void {
  if (!shipped) return;
  setThaiLexicon(shipped.with(userWords));
  version++;
  for (const listener of listeners) listener();
}

/** Loads the lexicon once (the first call); later calls do nothing. */
export function loadThaiLexicon(): void {
  if (loading) return;
  loading = true;
  void Promise.all([
    import('../../../resources/lexicon/words_th.txt?raw'),
    import('../../../resources/lexicon/words_phaen.txt?raw'),
    import('../../../resources/lexicon/tnc_freq.txt?raw'),
  ]).then(([words, additions, frequencies]) => {
    // The same lists as services/thaiLexicon.ts: PyThaiNLP's words and Phaen's additions.
    shipped = ThaiLexicon.parse(`${words.default}\n${additions.default}`, frequencies.default);
    install();
  });
}

/** This workspace's words for Thai line breaking (at start-up and after each change in print settings). */
export function setThaiUserWords(words: readonly string[]): void {
  userWords = words;
  install();
}

/**
 * A number that changes whenever the installed lexicon does (a memo dependency). `load`: fetch the lexicon
 * now if nobody has (the strategy map); displayed names only follow it (parsing 3 MB is not worth a home
 * screen's wait).
 */
export function useThaiLexicon(load = true): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      if (load) loadThaiLexicon();
      return () => listeners.delete(listener);
    },
    () => version,
  );
}
