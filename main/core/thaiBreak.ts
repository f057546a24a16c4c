/**
 * Thai line breaking and text clean-up for the printed plan (issue 5).
 *
 * Thai is written without spaces between words, and pdfmake (through the linebreak package) only breaks at
 * spaces, so a Thai paragraph would be one unbreakable word. This module finds where a line may break —
 * ICU word segmentation (Intl.Segmenter('th')) corrected by a curated word list and by hard rules that no
 * dictionary may override — and can mark those places with a caller-chosen marker for the PDF step.
 *
 * Offsets are UTF-16 code unit offsets into the string: a break opportunity k means a line may end after
 * text[k - 1] and the next line begin with text[k].
 *
 * Pure: no Node or DOM imports; Intl is part of the language.
 */

/**
 * Words that must never be broken, with what ICU does to them on Node 22 (ICU 78). ICU's dictionary splits
 * some words in isolation, and splits others only inside a long run of Thai with no spaces (the founding news
 * item's headline gets "ประ|ชา|สัมพันธ์"). A curated word is cut out of its chunk before ICU sees the rest,
 * so it also fixes the neighbour ICU got wrong ("การบูรณาการ" → ICU "กา|รบู|รณา|การ", here "การ|บูรณาการ").
 * The test suite checks each `icuSplitsAlone` claim against this Node, so the list stays honest.
 */
export const THAI_WORDS: readonly { word: string; icuSplitsAlone: boolean }[] = [
  { word: 'บูรณาการ', icuSplitsAlone: true }, // ICU: บูรณ|า|การ
  { word: 'ธรรมาภิบาล', icuSplitsAlone: true }, // ICU: ธร|รมาภิ|บาล
  { word: 'โควิด', icuSplitsAlone: true }, // ICU: โค|วิด
  { word: 'อัตลักษณ์', icuSplitsAlone: true }, // ICU: อัต|ลักษณ์
  { word: 'กทม', icuSplitsAlone: false }, // whole alone, but ICU: "ก|ทม." in the seed, "การก|ทม"
  { word: 'ประชาสัมพันธ์', icuSplitsAlone: false }, // whole alone, split in the seed headline
  { word: 'กรุงเทพมหานคร', icuSplitsAlone: false }, // the agency's name: guarded, ICU keeps it today
  { word: 'ยุทธศาสตร์', icuSplitsAlone: false }, // the app's key word: guarded, ICU keeps it today
  { word: 'ฯลฯ', icuSplitsAlone: false }, // "etc.": one unit by rule, whatever ICU does
];

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

// Longest first, so a curated word that contains another wins.
const curatedPattern = new RegExp(
  [...THAI_WORDS]
    .map((w) => w.word)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/** Thai marks drawn above or below the preceding consonant (MAI HAN-AKAT, SARA I…PHINTHU, MAITAIKHU…YAMAKKAN). */
const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
/** Leading vowels, written before the consonant they follow in speech: เ แ โ ใ ไ. */
const LEADING_VOWEL = /[\u0E40-\u0E44]/;
/** MAI YAMOK (ๆ, repeat) and PAIYANNOI (ฯ, abbreviation) belong to the word before them. */
const REPEAT_OR_ABBREVIATION = /[\u0E46\u0E2F]/;
const THAI = /[\u0E00-\u0E7F]/;
/**
 * A run of text between breakable spaces: anything but whitespace, or a no-break space (NBSP, FIGURE SPACE,
 * NARROW NBSP), which JavaScript's \s counts as whitespace but UAX #14 forbids breaking at ("พ.ศ.\u00A02566").
 */
const CHUNK = /(?:\S|[\u00A0\u2007\u202F])+/g;

/**
 * UTF-16 offsets where a line may break, ascending, never 0 or text.length.
 *
 * After a run of whitespace other than a no-break space (as usual), and inside a whitespace-free chunk between two Thai characters
 * where the word segmenter sees a boundary and every hard rule allows it. Non-Thai text breaks only at
 * spaces, as it would without this module, so "." or ")" never starts a line.
 */
export function breakOpportunities(text: string): number[] {
  const out: number[] = [];
  // Segment per whitespace-separated chunk: ICU is super-linear on one huge string, and chunks also make
  // the space rule simple. No-break spaces belong to their chunk: no break after them, and none inside a
  // chunk next to them, since inner breaks are only between two Thai characters.
  for (const m of text.matchAll(CHUNK)) {
    const start = m.index;
    const chunk = m[0];
    if (start > 0 && isLegal(text, start)) out.push(start);
    for (const k of innerBreaks(chunk)) out.push(start + k);
  }
  return out;
}

// Documents repeat the same chunks (words between spaces, table headers, years): segment each once. Bounded,
// since the set of chunks a long session sees is not.
const CHUNK_CACHE_LIMIT = 20_000;
const chunkCache = new Map<string, readonly number[]>();

/** The legal breaks strictly inside one whitespace-free chunk. */
function innerBreaks(chunk: string): readonly number[] {
  let breaks = chunkCache.get(chunk);
  if (breaks) return breaks;
  breaks = THAI.test(chunk) ? chunkBreaks(chunk).filter((k) => isThaiPair(chunk, k) && isLegal(chunk, k)) : [];
  if (chunkCache.size >= CHUNK_CACHE_LIMIT) chunkCache.clear();
  chunkCache.set(chunk, breaks);
  return breaks;
}

/** Word boundaries inside one chunk, curated words kept whole, minus any inside a grapheme cluster. */
function chunkBreaks(chunk: string): number[] {
  const candidates: number[] = [];
  let from = 0;
  const segmentPiece = (end: number): void => {
    if (end <= from) return;
    for (const s of wordSegmenter.segment(chunk.slice(from, end))) {
      if (s.index > 0) candidates.push(from + s.index);
    }
  };
  for (const m of chunk.matchAll(curatedPattern)) {
    segmentPiece(m.index);
    if (m.index > 0) candidates.push(m.index);
    from = m.index + m[0].length;
    if (from < chunk.length) candidates.push(from);
  }
  segmentPiece(chunk.length);

  const graphemeStarts = new Set<number>();
  for (const g of graphemeSegmenter.segment(chunk)) graphemeStarts.add(g.index);
  return [...new Set(candidates)].sort((a, b) => a - b).filter((k) => graphemeStarts.has(k));
}

function isThaiPair(s: string, k: number): boolean {
  return THAI.test(s.charAt(k - 1)) && THAI.test(s.charAt(k));
}

/** The hard rules, independent of any dictionary. */
function isLegal(s: string, k: number): boolean {
  const after = s.charAt(k);
  return !COMBINING.test(after) && !REPEAT_OR_ABBREVIATION.test(after) && !LEADING_VOWEL.test(s.charAt(k - 1));
}

/**
 * Remove zero-width characters pasted from Word and web pages (ZWSP, ZWNJ, ZWJ, BOM/ZWNBSP, WORD JOINER):
 * pdfkit draws a box for U+200B, and they would make text extraction differ from what the user sees.
 */
export function stripZeroWidth(text: string): string {
  // An alternation, not a character class: ZWJ inside [] reads to ESLint as a joined character sequence.
  return text.replace(/\u200B|\u200C|\u200D|\uFEFF|\u2060/g, '');
}

/**
 * NFC, then compose a decomposed SARA AM: NIKHAHIT + SARA AA (ํ + า, common in pasted text) becomes ำ,
 * also when a tone mark sits on either side of the NIKHAHIT (น + ํ + ้ + า and น + ้ + ํ + า both become
 * น้ำ, the order a keyboard produces). NFC alone leaves them: ำ has only a compatibility decomposition.
 */
export function normaliseThai(text: string): string {
  return text
    .normalize('NFC')
    .replace(/([\u0E48-\u0E4B]?)\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, (_m, before: string, after: string) => {
      return `${before}${after}\u0E33`;
    });
}

export interface ScriptRun {
  text: string;
  thai: boolean;
}

/**
 * Split text into runs of Thai and non-Thai script, so each run can be shaped with its own script (fontkit
 * shapes "ISOที่" as Latin otherwise and the tone mark lands in the wrong place). Letters decide; digits,
 * punctuation and spaces join the run before them (or the first run, at the start), so "ISO 9001 ที่"
 * gives "ISO 9001 " and "ที่". The runs concatenate back to the text.
 */
export function splitScriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let current: ScriptRun | undefined;
  let pending = ''; // neutrals before the first letter
  for (const ch of text) {
    const thai = THAI.test(ch);
    const strong = thai || /\p{L}/u.test(ch);
    if (!strong) {
      if (current) current.text += ch;
      else pending += ch;
    } else if (current && current.thai === thai) {
      current.text += ch;
    } else {
      current = { text: pending + ch, thai };
      pending = '';
      runs.push(current);
    }
  }
  if (pending !== '') runs.push({ text: pending, thai: false });
  return runs;
}
