import { toThaiDigits } from '../years.ts';

/**
 * How the pages of a printed document are numbered, as Thai official documents do: the cover carries no
 * number, the front matter (foreword, contents, lists of tables and figures) is lettered ก ข ค, and the body
 * is numbered from 1 in the document's digits. The same labels are printed in the footer, in the table of
 * contents and written as the PDF's page labels, so a viewer's page box says what the page says. The
 * engine knows on which page the body starts only once it has laid the document out: the document names
 * the node (`bodyStart`) and the engine asks `pageLabel` with that page.
 */
export interface PageNumbering {
  readonly digits: 'thai' | 'arabic';
  /** The physical page (1-based) that carries the first number; pages before it (the cover) carry none. */
  readonly firstPage: number;
  /** The id of the node whose page is page 1; the pages from `firstPage` up to it are front matter. */
  readonly bodyStart?: string;
  /** Front matter in Thai letters (ก ข ค) or, in an English document, lower-case Roman numerals (i ii iii). */
  readonly frontMatter?: 'thai' | 'roman';
  /** The PDF page label of an unnumbered page ("ปก" for the cover); empty when not given. */
  readonly unnumberedLabel?: string;
}

/**
 * A page reference drawn as a contents entry's page number (services/pdf/engine/pageLabels.ts): `room`
 * points right of the end of its line, at `fontSize`, after a row of dots from the end of the text.
 */
export interface Leader {
  readonly room: number;
  readonly fontSize: number;
}

/**
 * The Thai letters used to count (ภาคผนวก ก ข ค, front matter pages ก ข ค ง), as Thai enumeration and the
 * CSS counter style thai-alphabetic have them: ฃ and ฅ, no longer written, and the rare ฆ are skipped, so
 * the fourth is ง.
 */
const THAI_LETTERS = 'กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ';

/** The n-th Thai counting letter (0-based): ก, ข, ค …; past ฮ, the number itself. */
export function thaiLetter(index: number): string {
  return THAI_LETTERS[index] ?? String(index + 1);
}

const ROMAN: readonly [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/**
 * What physical page `physical` (1-based) is printed as, given the physical page the body starts on; null
 * for a page that carries no number (the cover).
 */
export function pageLabel(physical: number, bodyPage: number, numbering: PageNumbering): string | null {
  const { firstPage, digits } = numbering;
  if (physical < firstPage) return null;
  if (physical < bodyPage) {
    const index = physical - firstPage;
    return numbering.frontMatter === 'roman' ? roman(index + 1) : thaiLetter(index);
  }
  const text = String(physical - bodyPage + 1);
  return digits === 'thai' ? toThaiDigits(text) : text;
}
