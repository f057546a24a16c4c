import { segmentationView } from './thaiClusters.ts';

/**
 * A Thai word list for dictionary segmentation (thaiBreak.ts): the shipped lexicon (resources/lexicon, read by
 * the caller: core does no I/O) plus the words users add. Words are stored as segmentation sees text (typing
 * errors fixed, thaiClusters.ts), so "เเผน" typed in a user word still matches "แผน" in the text.
 *
 * Only words of Thai letters are kept (abbreviations with dots and numbers are the hard rules' business), and
 * only up to MAX_WORD_LENGTH: the list also holds whole phrases and agency names of 30–200 characters
 * ("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"), which maximal matching would then never break, however narrow the
 * column. Their parts are words of their own.
 */
export const MAX_WORD_LENGTH = 20;

/** Thai letters and marks (not digits, not ฿): what a word in the lexicon may consist of. */
const THAI_WORD = /^[\u0E01-\u0E3A\u0E40-\u0E4E]+$/;

export class ThaiLexicon {
  private readonly sets: readonly ReadonlySet<string>[];
  /** Longest entry, in UTF-16 code units: look-ups never try longer. */
  readonly maxLength: number;

  private constructor(sets: readonly ReadonlySet<string>[], maxLength: number) {
    this.sets = sets;
    this.maxLength = maxLength;
  }

  /** A lexicon of these words; entries that are not a Thai word, or too long, are left out. */
  static of(words: Iterable<string>): ThaiLexicon {
    const set = new Set<string>();
    let maxLength = 0;
    for (const raw of words) {
      const word = lexiconForm(raw);
      if (word === undefined) continue;
      set.add(word);
      if (word.length > maxLength) maxLength = word.length;
    }
    return new ThaiLexicon([set], maxLength);
  }

  /** A word list file's text: one word a line, blank lines and `#` comments ignored. */
  static parse(fileText: string): ThaiLexicon {
    return ThaiLexicon.of(fileText.split('\n').filter((line) => !line.startsWith('#')));
  }

  /** This lexicon and more words (a user's), without copying this one's entries. */
  with(words: Iterable<string>): ThaiLexicon {
    const extra = ThaiLexicon.of(words);
    if (extra.size === 0) return this;
    return new ThaiLexicon([...this.sets, ...extra.sets], Math.max(this.maxLength, extra.maxLength));
  }

  has(word: string): boolean {
    for (const set of this.sets) if (set.has(word)) return true;
    return false;
  }

  get size(): number {
    return this.sets.reduce((n, s) => n + s.size, 0);
  }
}

const NEEDS_VIEW = /\u0E40\u0E40|\u0E4D|\u200B|\u200C|\u200D|\uFEFF|\u2060/;

/** The word as stored, or undefined when it cannot be a lexicon entry. */
export function lexiconForm(raw: string): string | undefined {
  const trimmed = raw.trim(); // also drops the \r of CRLF lines
  // Most entries need no fixing; the view is only built for those that might (load time).
  const word = NEEDS_VIEW.test(trimmed) ? segmentationView(trimmed).text : trimmed;
  return word.length > 0 && word.length <= MAX_WORD_LENGTH && THAI_WORD.test(word) ? word : undefined;
}
