import { AppError } from '../core/errors.ts';
import { lexiconForm } from '../core/thaiLexicon.ts';
import type { Store } from './store/store.ts';

/**
 * Users' words for Thai line breaking (table thai_words), added to the shipped lexicon by the PDF export
 * (pdf/handlers.ts) and shown in print settings. They belong to this installation, like settings: plan files
 * and exchange packages do not carry them (the command line takes a word file instead: cli/pdf.ts).
 */
const THAI_ORDER = new Intl.Collator('th');

export function listThaiWords(store: Store): string[] {
  const words = store.db.prepare('SELECT word FROM thai_words').pluck().all() as string[];
  return words.sort(THAI_ORDER.compare);
}

/** Add a word (stored as segmentation sees it: "เเ" as "แ"); refused with a field message if it is no Thai word. */
export function addThaiWord(store: Store, raw: string, now = new Date()): string[] {
  const word = lexiconForm(raw);
  if (word === undefined) {
    throw new AppError('invalid-input', `not a Thai word of at most 20 letters: ${JSON.stringify(raw)}`, {
      word: 'print.wordsInvalid',
    });
  }
  store.db.prepare('INSERT OR IGNORE INTO thai_words (word, created_at) VALUES (?, ?)').run(word, now.toISOString());
  return listThaiWords(store);
}

export function removeThaiWord(store: Store, word: string): string[] {
  store.db.prepare('DELETE FROM thai_words WHERE word = ?').run(word);
  return listThaiWords(store);
}
