import { segmentationView } from './thaiClusters.ts';
import { TRIE_ROOT, WordTrie, type WordTrieArrays } from './wordTrie.ts';

/**
 * A Thai word list for dictionary segmentation (thaiBreak.ts): the shipped lexicon (resources/lexicon, read by
 * the caller: core does no I/O) plus the words users add. Words are stored as segmentation sees text (typing
 * errors fixed, thaiClusters.ts), so "เเผน" typed in a user word still matches "แผน" in the text.
 *
 * Each word has a cost, -ln of its relative frequency in the Thai National Corpus when a frequency list is
 * given: between segmentations of as many words, the segmenter picks the cheapest, the one of commoner words
 * ("ขั้นตอน|ที่", not "ขั้น|ตอนที่"; "พื้นที่|สาธารณะ", not "พื้น|ที่สาธารณะ").
 *
 * Only words of Thai letters are kept (abbreviations with dots and numbers are the hard rules' business), and
 * only up to MAX_WORD_LENGTH: the list also holds whole phrases and agency names of 30–200 characters
 * ("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"), which would then never break, however narrow the column. Their
 * parts are words of their own.
 */
const MAX_WORD_LENGTH = 20;

/** Thai letters and marks (not digits, not ฿): what a word in the lexicon may consist of. */
const THAI_WORD = /^[\u0E01-\u0E3A\u0E40-\u0E4E]+$/;

/** Corpus size assumed without a frequency list, and the count a listed word without a frequency gets. */
const DEFAULT_TOTAL = 1e7;
const UNSEEN_COUNT = 1;
/** From this many occurrences as one token of the corpus, a การ/ความ derivation counts as a word. */
const LEXICALISED_COUNT = 100;
/** What users' words count as: a common word, so that an organisation's name beats splitting it. */
const USER_WORD_COUNT = 5000;

/** A lexicon's corpus size and its words' trie: ThaiLexicon.parts. */
export interface LexiconParts {
  readonly total: number;
  readonly trie: WordTrieArrays;
}

export class ThaiLexicon {
  /** Users' words first: a word in an earlier layer has that layer's cost. */
  private readonly layers: readonly WordTrie[];
  /** The cost of a stretch of text that is no word of the list, per cluster: above any word's. */
  readonly unknownCost: number;
  private readonly total: number;
  /** The walk's node in each layer (wordsFrom), kept to allocate nothing per call. */
  private readonly nodes: Int32Array;

  private constructor(layers: readonly WordTrie[], total: number) {
    this.layers = layers;
    this.total = total;
    this.unknownCost = Math.log(total) + 1;
    this.nodes = new Int32Array(layers.length);
  }

  /**
   * A lexicon of these words, with their corpus counts when known; entries that are not a Thai word, or too
   * long, or a derivation of another entry (isDerived), are left out.
   */
  static of(words: Iterable<string>, counts: ReadonlyMap<string, number> = new Map()): ThaiLexicon {
    let total = 0;
    for (const n of counts.values()) total += n;
    return ThaiLexicon.fromCounts(keptEntries(lexiconForms(words), counts), total);
  }

  /**
   * A word list file's text (one word a line, blank lines and `#` comments ignored) and optionally a
   * frequency list's (word TAB count, one a line).
   */
  static parse(wordList: string, frequencyList = ''): ThaiLexicon {
    const { entries, total } = readLists(wordList, frequencyList);
    return ThaiLexicon.fromCounts(entries, total);
  }

  /**
   * What a one-layer lexicon (the shipped one, without users' words) is made of, for the build to store
   * (services/thaiLexicon.ts) and `fromParts` to take back without choosing or sorting any word again.
   */
  parts(): LexiconParts {
    const [trie, ...more] = this.layers;
    if (!trie || more.length > 0) throw new Error("only a lexicon without users' words has parts");
    return { total: this.total, trie: trie.arrays() };
  }

  static fromParts(parts: LexiconParts): ThaiLexicon {
    return new ThaiLexicon([WordTrie.fromArrays(parts.trie)], parts.total);
  }

  /** Entries with their corpus counts (undefined: not counted) out of `total` occurrences (0: unknown). */
  private static fromCounts(entries: Iterable<[string, number | undefined]>, total: number): ThaiLexicon {
    if (total === 0) total = DEFAULT_TOTAL;
    const costs = Array.from(entries, ([word, count]): [string, number] => [word, wordCost(total, count)]);
    return new ThaiLexicon([WordTrie.build(costs)], total);
  }

  /** This lexicon and users' words, which count as common words, without copying this one's entries. */
  with(words: Iterable<string>): ThaiLexicon {
    const extra = new Map<string, number>();
    for (const raw of words) {
      const word = lexiconForm(raw);
      if (word !== undefined) extra.set(word, Math.log(this.total / USER_WORD_COUNT));
    }
    if (extra.size === 0) return this;
    return new ThaiLexicon([WordTrie.build(extra), ...this.layers], this.total);
  }

  /**
   * Every word of the lexicon that starts at positions[i] of `s` and ends at a later position: found(j, cost)
   * for each such j, in ascending order. One walk down the tries along the text; no string is made.
   */
  wordsFrom(s: string, positions: readonly number[], i: number, found: (j: number, cost: number) => void): void {
    const { layers, nodes } = this;
    nodes.fill(TRIE_ROOT);
    let alive = layers.length;
    let k = positions[i] as number;
    for (let j = i + 1; j < positions.length; j++) {
      for (const end = positions[j] as number; k < end; k++) {
        const code = s.charCodeAt(k);
        for (let l = 0; l < layers.length; l++) {
          const node = nodes[l] as number;
          if (node < 0) continue;
          const next = (layers[l] as WordTrie).child(node, code);
          nodes[l] = next;
          if (next < 0) alive--;
        }
        if (alive === 0) return;
      }
      for (let l = 0; l < layers.length; l++) {
        const node = nodes[l] as number;
        const cost = node < 0 ? undefined : (layers[l] as WordTrie).costAt(node);
        if (cost !== undefined) {
          found(j, cost);
          break;
        }
      }
    }
  }

  /** The word's cost, or undefined when it is not in the lexicon. */
  cost(word: string): number | undefined {
    for (const layer of this.layers) {
      const cost = layer.cost(word);
      if (cost !== undefined) return cost;
    }
    return undefined;
  }

  has(word: string): boolean {
    return this.cost(word) !== undefined;
  }

  get size(): number {
    return this.layers.reduce((n, layer) => n + layer.size, 0);
  }
}

/** Prefixes that make a noun of any verb: การ, ความ. */
const NOMINAL_PREFIXES = ['การ', 'ความ'];

/**
 * การ or ความ before another word of the list ("การประสานงาน"): a derivation, not a word of its own. The list
 * has thousands; kept, the segmenter would prefer "จัด|โครง|การประสานงาน" to "จัด|โครงการ|ประสานงาน". A
 * break after the prefix is always a word boundary.
 */
function isDerived(word: string, words: ReadonlySet<string>): boolean {
  return NOMINAL_PREFIXES.some((p) => word.length > p.length && word.startsWith(p) && words.has(word.slice(p.length)));
}

/** -ln of a word's relative frequency; a word the corpus does not count as if seen once. */
const wordCost = (total: number, count: number | undefined): number => Math.log(total / (count ?? UNSEEN_COUNT));

/**
 * The entries a word list and a frequency list give, with the counts of the listed words (only theirs are
 * kept: the frequency list is twice as long) and the corpus size (0 without a frequency list).
 */
function readLists(
  wordList: string,
  frequencyList: string,
): { entries: [string, number | undefined][]; total: number } {
  const forms = lexiconForms(wordList.split('\n').filter((line) => !line.startsWith('#')));
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of frequencyList.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const n = Number.parseInt(line.slice(tab + 1), 10) || 0;
    total += n;
    const word = line.slice(0, tab);
    if (forms.has(word)) counts.set(word, n);
  }
  return { entries: keptEntries(forms, counts), total };
}

/** The forms that are words of the lexicon, with their counts. */
function keptEntries(forms: ReadonlySet<string>, counts: ReadonlyMap<string, number>): [string, number | undefined][] {
  const entries: [string, number | undefined][] = [];
  for (const word of forms) {
    // A derivation the corpus itself counts as one word (การเมือง, 'politics') is a word after all.
    if (isDerived(word, forms) && (counts.get(word) ?? 0) < LEXICALISED_COUNT) continue;
    entries.push([word, counts.get(word)]);
  }
  return entries;
}

const NEEDS_VIEW = /\u0E40\u0E40|\u0E4D|\u200B|\u200C|\u200D|\uFEFF|\u2060/;

/** The distinct lexicon forms of these entries, the unusable ones left out. */
function lexiconForms(words: Iterable<string>): Set<string> {
  const forms = new Set<string>();
  for (const raw of words) {
    const word = lexiconForm(raw);
    if (word !== undefined) forms.add(word);
  }
  return forms;
}

/** The word as stored, or undefined when it cannot be a lexicon entry. */
export function lexiconForm(raw: string): string | undefined {
  const trimmed = raw.trim(); // also drops the \r of CRLF lines
  // Most entries need no fixing; the view is only built for those that might (load time).
  const word = NEEDS_VIEW.test(trimmed) ? segmentationView(trimmed).text : trimmed;
  return word.length > 0 && word.length <= MAX_WORD_LENGTH && THAI_WORD.test(word) ? word : undefined;
}
