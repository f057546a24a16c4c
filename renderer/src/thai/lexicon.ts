import { useSyncExternalStore } from 'react';
import { COMPACT_LEXICON_FILE, decodeCompactLexicon } from '../../../main/core/compactLexicon.ts';
import { setThaiLexicon } from '../../../main/core/thaiBreak.ts';
import type { ThaiLexicon } from '../../../main/core/thaiLexicon.ts';

/**
 * The shipped Thai lexicon on the screen, for the strategy map and chart labels (core/charts wrap with it) and
 * for the word breaks of displayed text (ThaiText). The build's compact lexicon, emitted beside the renderer's
 * bundle (electron.vite.config.ts) and read from there (the app's own files: app:// or the loopback bridge, no
 * network), once, just after the first screen is painted (main.tsx), so start-up does not wait for its 2 MB;
 * until then ICU decides, and components that read useThaiLexicon() draw again once it is there. Its trie is
 * read as built (about 5 ms): choosing and sorting the words of the lists here took 260–880 ms of this thread
 * (bench/ui.ts 'Thai lexicon'). The workspace's own words (thaiWords.list) are added as soon as both are known.
 */
let version = 0;
const listeners = new Set<() => void>();
let shipped: ThaiLexicon | undefined;
let loading = false;
let userWords: readonly string[] = [];

/** The User Timing entry of reading the lexicon on this thread (bench/ui.ts; DevTools' Performance panel). */
export const LEXICON_READ_MEASURE = 'phaen: Thai lexicon read';

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
  fetch(new URL(COMPACT_LEXICON_FILE, document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    })
    .then((text) => {
      const start = performance.now();
      shipped = decodeCompactLexicon(text, fromBase64);
      install();
      performance.measure(LEXICON_READ_MEASURE, { start });
    })
    // Without it the screen still works: ICU keeps breaking the lines.
    .catch((err: unknown) => console.warn(`Thai lexicon not loaded, ICU breaks the lines: ${String(err)}`));
}

/** Chromium's native base64 (since 140; Electron 45 is 142): a JavaScript decoder takes several times as long. */
const fromBase64 = (base64: string): Uint8Array =>
  (Uint8Array as unknown as { fromBase64(base64: string): Uint8Array }).fromBase64(base64);

/** This workspace's words for Thai line breaking (at start-up and after each change in print settings). */
export function setThaiUserWords(words: readonly string[]): void {
  userWords = words;
  install();
}

/**
 * A number that changes whenever the installed lexicon does (a memo dependency). `load`: fetch the lexicon
 * now if nobody has (the strategy map); displayed names only follow it (reading 2 MB is not worth a home
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
