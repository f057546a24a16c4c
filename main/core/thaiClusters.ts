/**
 * The two pieces of Thai text analysis that come before any dictionary (issue 10 #2):
 *
 * - `segmentationView`: the text as if its common typing errors were fixed — "เเ" (two SARA E) for "แ",
 *   NIKHAHIT + SARA AA for SARA AM, zero-width characters pasted from Word or the web — with, for every
 *   character of the fixed text, where it came from in the original. Segmentation runs on the fixed text and
 *   its breaks are mapped back, so what the user typed is never changed.
 * - `clusterStarts`: Thai Character Cluster (TCC) boundaries, the places where a Thai syllable may end. A
 *   cluster is a consonant with its marks and following vowels, a leading vowel with the consonant(s) and
 *   vowel parts that close it (เ-ีย, เ-ือ, เ-า, เ-าะ, เ-็-), -ัว; a word boundary is always a cluster
 *   boundary, so no dictionary or ICU result may break anywhere else.
 *
 * Pure: no Node or DOM imports.
 */

/** Removed for segmentation: ZWSP, ZWNJ, ZWJ, BOM/ZWNBSP, WORD JOINER. */
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0xfeff, 0x2060]);
const SARA_E = 0x0e40;
const SARA_AE = 'แ';
const NIKHAHIT = 0x0e4d;
const SARA_AA = 0x0e32;
const SARA_AM = 'ำ';

function isTone(code: number): boolean {
  return code >= 0x0e48 && code <= 0x0e4b;
}

interface SegmentationView {
  /** The text with typing errors fixed, for dictionary look-ups. */
  readonly text: string;
  /** `origin[j]` is the offset in the original of `text[j]`; `origin[text.length]` is the original length. */
  readonly origin: readonly number[];
}

/**
 * The text as segmentation sees it. Only code units are dropped or merged, never added, so the view is never
 * longer than the original and each of its characters has one origin.
 */
export function segmentationView(original: string): SegmentationView {
  let text = '';
  const origin: number[] = [];
  const n = original.length;
  for (let i = 0; i < n; i++) {
    const code = original.charCodeAt(i);
    if (ZERO_WIDTH.has(code)) continue;
    if (code === SARA_E && original.charCodeAt(i + 1) === SARA_E) {
      text += SARA_AE;
      origin.push(i);
      i++;
      continue;
    }
    // NIKHAHIT, an optional tone mark on either side, then SARA AA: one SARA AM after the tone.
    if (code === NIKHAHIT || isTone(code)) {
      const a = original.charCodeAt(i + 1);
      const b = original.charCodeAt(i + 2);
      if (code === NIKHAHIT && a === SARA_AA) {
        text += SARA_AM;
        origin.push(i);
        i += 1;
        continue;
      }
      if ((code === NIKHAHIT && isTone(a) && b === SARA_AA) || (isTone(code) && a === NIKHAHIT && b === SARA_AA)) {
        const tone = code === NIKHAHIT ? a : code;
        text += String.fromCharCode(tone) + SARA_AM;
        origin.push(i, i + 1);
        i += 2;
        continue;
      }
    }
    text += original.charAt(i);
    origin.push(i);
  }
  origin.push(n);
  return { text, origin };
}

// Character classes of the cluster grammar. C: consonants (ฤ ฦ included), T: tone marks, M: any mark
// written above or below (MAI HAN-AKAT, SARA I … PHINTHU, MAITAIKHU … YAMAKKAN).
const C = '[\\u0E01-\\u0E2E]';
const T = '[\\u0E48-\\u0E4B]';
const M = '[\\u0E31\\u0E34-\\u0E3A\\u0E47-\\u0E4E]';
/**
 * A syllable's initial: one consonant, or two sounded together — a consonant before ร ล ว (กร ปล กว), or
 * ห or อ leading a sonorant (หน หญ อย). Anything else is two syllables (ใน|ท้อง, not ในท้|อง).
 */
const INITIAL = `(?:ห[งญนมยรลว]|อย|${C}[รลว]|${C})`;
/** A mark or a following vowel: whatever comes next cannot start a cluster. */
const BOUND = '[\\u0E30-\\u0E3A\\u0E45\\u0E47-\\u0E4E]';

/**
 * One cluster at the current position, longest patterns first. Anything the grammar does not know (a
 * digit, Latin, punctuation, a stray mark) is a cluster of one character: the hard rules in thaiBreak.ts
 * decide about those places.
 */
const CLUSTER = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- classes of Thai marks, on purpose
  [
    `เ${C}\\u0E47${C}(?!${BOUND})`, // เล็ก
    `เ${INITIAL}${T}?[\\u0E32\\u0E2D]ะ`, // เกาะ เลอะ เพราะ
    `เ${INITIAL}\\u0E35${T}?ยะ?`, // เรีย(น) เตรีย(ม)
    `เ${INITIAL}\\u0E37${T}?อะ?`, // เรือ เลือ(ก)
    `เ${INITIAL}\\u0E34${T}?${C}(?!${BOUND})`, // เกิด เพิ่ม
    `เ${INITIAL}${T}?[\\u0E32\\u0E2D](?!${BOUND})`, // เขา เจ้า เธอ เสนอ
    `[\\u0E40-\\u0E44]${INITIAL}${T}ะ?`, // ใหญ่ โปร่(ง): the tone on the second consonant of the initial
    `[\\u0E40-\\u0E44]${C}${M}*ะ?`, // แก โต๊ะ ใจ
    `${C}\\u0E31${T}?วะ?`, // ตัว ผัวะ
    `${C}${C}\\u0E4C`, // จันทร์, ลักษณ์: two silent consonants
    `${C}${M}*[\\u0E30\\u0E32\\u0E33\\u0E45]?`, // ก กา กำ น้ำ ก็ ฤๅ
  ].join('|'),
  'y',
);

/** SARA A, SARA AA, SARA AM, LAKKHANGYAO: written after the consonant they follow. */
const FOLLOWING_VOWEL = /[\u0E30\u0E32\u0E33\u0E45]/;

/** Offsets where a cluster starts, ascending, from 0; the text's length is not included. */
export function clusterStarts(text: string): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < text.length) {
    // ๆ and ฯ are clusters of their own, so that the word before them can end there ("เขต" in "เขตฯ"); the
    // hard rules of thaiBreak.ts keep them on that word's line. A following vowel left over (a typing error:
    // "ใช้าย") never starts one.
    if (!(i > 0 && FOLLOWING_VOWEL.test(text.charAt(i)))) starts.push(i);
    CLUSTER.lastIndex = i;
    const m = CLUSTER.exec(text);
    i += m && m[0].length > 0 ? m[0].length : 1;
  }
  return starts;
}
