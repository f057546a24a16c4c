/**
 * Thai line breaking and text clean-up for the printed plan, the charts and the screen (issues 5 and 10).
 *
 * Thai is written without spaces between words, and pdfmake (through the linebreak package) only breaks at
 * spaces, so a Thai paragraph would be one unbreakable word. This module finds where a line may break:
 *
 * 1. Text is cut into chunks at breakable spaces; a line may break after the space unless a number rule
 *    holds the neighbours together (NUMBER_BEFORE, NUMBER_UNITS: "ร้อยละ 90", "พ.ศ. 2566", "4 ครั้ง").
 * 2. Inside a chunk, each run of Thai letters is segmented into words by maximal matching over a lexicon
 *    (the fewest unknown characters, the fewest words, then the commonest words), on the text as if its typing errors were fixed
 *    (thaiClusters.segmentationView) and only at Thai Character Cluster boundaries, so a syllable is never
 *    split. Runs the lexicon does not cover fall back to ICU (Intl.Segmenter('th')), at cluster boundaries
 *    too. Digits are not part of a run: a number never breaks inside, nor from Thai written against it.
 * 3. Hard rules no segmenter may override: never before a mark, ๆ or ฯ, never after a leading vowel.
 *
 * The lexicon comes from the caller (setThaiLexicon, or a ThaiBreaker of its own): the shipped word list is
 * read from resources/ by services (or bundled by the renderer), users' words are added to it. With no
 * lexicon, ICU alone decides, still at cluster boundaries.
 *
 * Offsets are UTF-16 code unit offsets into the string: a break opportunity k means a line may end after
 * text[k - 1] and the next line begin with text[k].
 *
 * Pure: no Node or DOM imports; Intl is part of the language.
 */
import { thaiWordSegmenter } from './intl.ts';
import { clusterStarts, segmentationView } from './thaiClusters.ts';
import type { ThaiLexicon } from './thaiLexicon.ts';

/**
 * Words after which a number stays on the same line ("ร้อยละ 90", "พ.ศ. 2566", "ฉบับที่ 13", "ข้อ 3"):
 * a chunk ending in one of these is never the last on a line when the next chunk starts with a digit.
 */
const NUMBER_BEFORE: readonly string[] = [
  'ร้อยละ',
  'พ.ศ.',
  'ค.ศ.',
  'ที่',
  'ข้อ',
  'มาตรา',
  'หมู่',
  'ปี',
  'ปีงบประมาณ',
  'ระยะ',
  'จำนวน',
  'รวม',
  'หน้า',
];

/**
 * Units and counter words that stay with the number before them ("4 ครั้ง", "24 ชั่วโมง", "50 เขต",
 * "8,750,000 บาท"): a chunk ending in a digit is never the last on a line when the next chunk starts with
 * one of these as a whole word.
 */
const NUMBER_UNITS: readonly string[] = [
  'ครั้ง',
  'ชั่วโมง',
  'นาที',
  'วินาที',
  'วัน',
  'สัปดาห์',
  'เดือน',
  'ปี',
  'เขต',
  'คน',
  'ราย',
  'แห่ง',
  'หน่วยงาน',
  'โครงการ',
  'กิจกรรม',
  'บาท',
  'ล้าน',
  'ล้านบาท',
  'พัน',
  'หมื่น',
  'แสน',
  'สตางค์',
  'ฉบับ',
  'เรื่อง',
  'ชิ้น',
  'ตัว',
  'เล่ม',
  'แผ่น',
  'ชุด',
  'ประเด็น',
  'ข้อ',
  'ด้าน',
  'ระดับ',
  'กลุ่ม',
  'ครัวเรือน',
  'ชุมชน',
  'ไร่',
  'ตารางเมตร',
  'กิโลเมตร',
  'ลูกบาศก์เมตร',
  'มิติ',
  'ลบ.ม.',
  'เมตร',
  'คัน',
  'หลัง',
  'ห้อง',
  'ชั้น',
  'เท่า',
  'ช่องทาง',
  'เครือข่าย',
  'ตำแหน่ง',
  'อัตรา',
  'หน่วย',
  'ภาษา',
  'ประเภท',
  'แผน',
  'ยุทธศาสตร์',
  'เป้าประสงค์',
  'ตัวชี้วัด',
  'กลยุทธ์',
  'ข่าว',
  'ชิ้นงาน',
];

/** Thai letters and marks, ๆ and ฯ included; not digits, ฿ or the rare signs ๏ ๚ ๛. */
const THAI_LETTERS = /[\u0E01-\u0E3A\u0E40-\u0E4E]+/g;
const THAI_LETTER = /[\u0E01-\u0E3A\u0E40-\u0E4E]/;
const DIGIT = /[0-9\u0E50-\u0E59]/;
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

/** The ordinal ที่ before a number, with or without a space. */
const ORDINAL = /ที่(?=[ \u00A0]?[0-9\u0E50-\u0E59])/;
const ORDINAL_ALL = new RegExp(ORDINAL.source, 'g');

// Documents repeat the same chunks (words between spaces, table headers, years): segment each once. Bounded,
// since the set of chunks a long session sees is not.
const CHUNK_CACHE_LIMIT = 20_000;

/** Break opportunities with one lexicon (or none: ICU alone), each chunk's breaks remembered. */
export class ThaiBreaker {
  private readonly cache = new Map<string, readonly number[]>();
  readonly lexicon: ThaiLexicon | undefined;

  constructor(lexicon?: ThaiLexicon) {
    this.lexicon = lexicon;
  }

  /**
   * UTF-16 offsets where a line may break, ascending, never 0 or text.length: after a run of whitespace other
   * than a no-break space unless a number rule holds, and between Thai words inside a chunk. Non-Thai text
   * breaks only at spaces, as it would without this module, so "." or ")" never starts a line.
   */
  breakOpportunities(text: string): number[] {
    const out: number[] = [];
    let previous = '';
    // Segment per whitespace-separated chunk: the cache works on chunks, and chunks make the space rule
    // simple. No-break spaces belong to their chunk: no break after them, and none inside a chunk next to
    // them, since inner breaks are only between two Thai letters.
    for (const m of text.matchAll(CHUNK)) {
      const start = m.index;
      const chunk = m[0];
      const inner = this.innerBreaks(chunk);
      if (start > 0 && isLegal(text, start) && !numberHoldsTogether(previous, chunk, inner)) out.push(start);
      for (const k of inner) out.push(start + k);
      previous = chunk;
    }
    if (!ORDINAL.test(text)) return out;
    // "ฉบับที่ 13", "ครั้งที่๒": the ordinal ที่ stays with the word before it as well as with its number.
    const held = new Set([...text.matchAll(ORDINAL_ALL)].map((m) => m.index));
    return out.filter((k) => !held.has(k));
  }

  /** The legal breaks strictly inside one whitespace-free chunk. */
  private innerBreaks(chunk: string): readonly number[] {
    let breaks = this.cache.get(chunk);
    if (breaks) return breaks;
    breaks = THAI_LETTER.test(chunk) ? this.segmentChunk(chunk).filter((k) => isLegal(chunk, k)) : [];
    if (this.cache.size >= CHUNK_CACHE_LIMIT) this.cache.clear();
    this.cache.set(chunk, breaks);
    return breaks;
  }

  /** Word boundaries strictly inside each Thai run of the chunk, as offsets into the chunk itself. */
  private segmentChunk(chunk: string): number[] {
    const view = segmentationView(chunk);
    const s = view.text;
    const starts = clusterStarts(s);
    const isStart = new Set(starts);
    let icu: Set<number> | undefined;
    const icuBoundaries = (): Set<number> => {
      if (!icu) {
        icu = new Set();
        for (const seg of thaiWordSegmenter().segment(s)) icu.add(seg.index);
      }
      return icu;
    };
    const out: number[] = [];
    for (const run of s.matchAll(THAI_LETTERS)) {
      const a = run.index;
      const b = a + run[0].length;
      const positions = starts.filter((p) => p >= a && p < b);
      positions.push(b);
      for (const seg of this.segmentRun(s, positions)) {
        if (seg.start > a) out.push(seg.start);
        if (seg.known) continue;
        // A stretch the lexicon does not cover: ICU's word boundaries inside it, at cluster starts only.
        for (let p = seg.start + 1; p < seg.end; p++) if (isStart.has(p) && icuBoundaries().has(p)) out.push(p);
      }
    }
    return out.map((j) => view.origin[j] ?? chunk.length);
  }

  /**
   * Maximal matching over one Thai run (`positions`: its cluster starts, then its end): the segmentation with
   * the fewest characters outside the lexicon, then the fewest words (compounds whole: ห้องประชุม,
   * ผู้สูงอายุ), then the lowest total word cost (ThaiLexicon: corpus frequencies; "ขั้นตอน|ที่" over
   * "ขั้น|ตอนที่"). Adjacent unknown clusters come back as one unknown segment.
   */
  private segmentRun(s: string, positions: readonly number[]): { start: number; end: number; known: boolean }[] {
    const m = positions.length - 1;
    const lexicon = this.lexicon;
    const unknownCost = lexicon?.unknownCost ?? 1;
    const unknown = new Float64Array(m + 1).fill(Infinity);
    const pieces = new Float64Array(m + 1).fill(Infinity);
    const cost = new Float64Array(m + 1).fill(Infinity);
    const from = new Int32Array(m + 1);
    const known = new Uint8Array(m + 1);
    unknown[0] = 0;
    pieces[0] = 0;
    cost[0] = 0;
    const relax = (i: number, j: number, u: number, c: number, word: boolean): void => {
      const p = (pieces[i] ?? 0) + 1;
      const uj = unknown[j] ?? Infinity;
      const pj = pieces[j] ?? Infinity;
      if (u < uj || (u === uj && (p < pj || (p === pj && c < (cost[j] ?? Infinity))))) {
        unknown[j] = u;
        pieces[j] = p;
        cost[j] = c;
        from[j] = i;
        known[j] = word ? 1 : 0;
      }
    };
    for (let i = 0; i < m; i++) {
      const pi = positions[i] ?? 0;
      const ui = unknown[i] ?? Infinity;
      const ci = cost[i] ?? Infinity;
      relax(i, i + 1, ui + ((positions[i + 1] ?? 0) - pi), ci + unknownCost, false);
      lexicon?.wordsFrom(s, positions, i, (j, wordCost) => relax(i, j, ui, ci + wordCost, true));
    }
    const segments: { start: number; end: number; known: boolean }[] = [];
    for (let j = m; j > 0; j = from[j] ?? 0) {
      const start = positions[from[j] ?? 0] ?? 0;
      const end = positions[j] ?? 0;
      const last = segments.at(-1);
      if (known[j] === 0 && last && !last.known) last.start = start;
      else segments.push({ start, end, known: known[j] === 1 });
    }
    return segments.reverse();
  }
}

let active = new ThaiBreaker();

/**
 * The lexicon breakOpportunities uses from now on, in this thread (services install the shipped list plus
 * users' words at start-up and before each export; the renderer installs its bundled copy). Undefined: ICU.
 */
export function setThaiLexicon(lexicon: ThaiLexicon | undefined): void {
  if (active.lexicon !== lexicon) active = new ThaiBreaker(lexicon);
}

/** Forget every chunk's breaks found so far (the same lexicon stays installed). */
export function forgetThaiBreaks(): void {
  active = new ThaiBreaker(active.lexicon);
}

/** The lexicon in use (undefined: none installed, ICU alone). */
export function thaiLexicon(): ThaiLexicon | undefined {
  return active.lexicon;
}

/** Break opportunities with the installed lexicon (see ThaiBreaker.breakOpportunities). */
export function breakOpportunities(text: string): number[] {
  return active.breakOpportunities(text);
}

/** The text cut at its break opportunities: the pieces a line is made of, concatenating back to the text. */
export function breakPieces(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const k of breakOpportunities(text)) {
    out.push(text.slice(last, k));
    last = k;
  }
  if (last < text.length || out.length === 0) out.push(text.slice(last));
  return out;
}

/**
 * A number rule holds the chunk to the one before it: a number after "ร้อยละ", "พ.ศ.", "ที่" …, or a unit
 * or counter word after a number. `inner` are the chunk's own word breaks, to see a unit end as a word.
 */
function numberHoldsTogether(previous: string, chunk: string, inner: readonly number[]): boolean {
  if (DIGIT.test(chunk.charAt(0))) return NUMBER_BEFORE.some((w) => previous.endsWith(w));
  if (!DIGIT.test(previous.charAt(previous.length - 1))) return false;
  return NUMBER_UNITS.some(
    (u) =>
      chunk.startsWith(u) &&
      (chunk.length === u.length || !THAI_LETTER.test(chunk.charAt(u.length)) || inner.includes(u.length)),
  );
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
