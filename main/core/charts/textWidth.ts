import { graphemeSegmenter } from '../intl.ts';
import { breakOpportunities } from '../thaiBreak.ts';

/**
 * How wide text is in Sarabun, and where to wrap it, without a DOM or a font file: charts are strings built
 * in core (the screen and the PDF draw the same SVG), so they must place their own line breaks. Advance
 * widths are Sarabun's own (resources/fonts, 1000 units per em), for printable ASCII and the Thai block;
 * test/node/textWidth.test.ts reads them back from the TTFs, so the tables cannot drift from the fonts.
 */

const ASCII_FIRST = 0x20;
const THAI_FIRST = 0x0e01;
/** Characters outside both tables (curly quotes, dashes, other scripts): wider than most, so text stays inside. */
const OTHER = 700;

// prettier-ignore
export const SARABUN_REGULAR = {
  ascii: [
    243, 237, 354, 686, 529, 903, 668, 192, 318, 318, 448, 607, 252, 340, 252, 415, 550, 550, 550, 550, 550, 550,
    550, 550, 550, 550, 252, 252, 607, 607, 607, 454, 795, 596, 589, 585, 623, 552, 550, 636, 678, 292, 440, 605,
    548, 798, 682, 661, 573, 661, 581, 529, 558, 657, 602, 831, 605, 573, 567, 308, 382, 308, 585, 323, 400, 514,
    542, 473, 542, 518, 331, 541, 558, 245, 247, 487, 291, 839, 549, 557, 545, 545, 350, 416, 377, 552, 479, 668,
    460, 462, 451, 320, 242, 320, 607,
  ],
  thai: [
    576, 594, 606, 603, 607, 638, 454, 556, 570, 606, 616, 807, 830, 612, 612, 539, 708, 831, 831, 592, 607, 581,
    657, 542, 637, 645, 655, 622, 622, 720, 720, 616, 614, 572, 484, 581, 580, 612, 512, 602, 677, 580, 636, 720,
    587, 565, 546, 534, 0, 485, 485, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 589, 310, 579, 379, 378, 390, 293, 621, 0, 0,
    0, 0, 0, 0, 0, 0, 621, 660, 676, 685, 694, 678, 678, 675, 744, 674, 692, 767, 1020,
  ],
} as const;

// prettier-ignore
export const SARABUN_BOLD = {
  ascii: [
    233, 256, 405, 707, 541, 968, 697, 205, 354, 354, 448, 617, 291, 340, 291, 468, 565, 565, 565, 565, 565, 565,
    565, 565, 565, 565, 291, 291, 617, 617, 617, 471, 805, 641, 606, 620, 642, 571, 574, 653, 692, 323, 492, 656,
    565, 816, 699, 690, 590, 690, 596, 551, 590, 662, 647, 874, 655, 628, 592, 332, 385, 332, 599, 358, 400, 529,
    558, 492, 558, 542, 377, 555, 567, 273, 279, 533, 301, 846, 563, 579, 565, 565, 397, 441, 420, 561, 528, 707,
    520, 505, 476, 350, 257, 350, 617,
  ],
  thai: [
    597, 632, 656, 624, 628, 679, 482, 571, 594, 650, 667, 832, 849, 622, 622, 573, 761, 876, 884, 614, 628, 598,
    678, 584, 650, 651, 669, 649, 649, 739, 739, 630, 630, 587, 498, 598, 600, 622, 535, 624, 718, 600, 645, 739,
    601, 584, 574, 548, 0, 510, 510, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 603, 326, 616, 409, 425, 449, 304, 666, 0, 0,
    0, 0, 0, 0, 0, 0, 626, 666, 691, 716, 709, 688, 688, 673, 793, 684, 700, 831, 1055,
  ],
} as const;

export interface TextStyle {
  readonly fontSize: number;
  readonly bold?: boolean;
}

function advance(codePoint: number, bold: boolean): number {
  const table = bold ? SARABUN_BOLD : SARABUN_REGULAR;
  const ascii = table.ascii[codePoint - ASCII_FIRST];
  if (ascii !== undefined) return ascii;
  const thai = table.thai[codePoint - THAI_FIRST];
  if (thai !== undefined) return thai;
  // Combining marks of other scripts take no room; control and zero-width characters neither.
  if ((codePoint >= 0x0300 && codePoint <= 0x036f) || (codePoint >= 0x200b && codePoint <= 0x200f)) return 0;
  return OTHER;
}

/** The width of a single line of text in user units (px at the given font size). */
export function textWidth(text: string, style: TextStyle): number {
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0)!, style.bold === true);
  return (units * style.fontSize) / 1000;
}

/**
 * Lines of at most `width`, broken only where Thai or spaces allow (thaiBreak.breakOpportunities); a single
 * word wider than a line is cut between grapheme clusters, never inside one. `firstLineIndent` leaves room
 * at the start of the first line (a number drawn before the text). Whitespace runs count as one space.
 */
export function wrapText(text: string, width: number, style: TextStyle, firstLineIndent = 0): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [];
  const cuts = [...breakOpportunities(clean), clean.length];
  const lines: string[] = [];
  let line = '';
  const room = () => (lines.length === 0 ? width - firstLineIndent : width);
  const fits = (s: string) => textWidth(s.trimEnd(), style) <= room();
  let from = 0;
  for (const to of cuts) {
    const piece = clean.slice(from, to);
    from = to;
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = piece.trimStart();
    // A word longer than a whole line: cut it by grapheme clusters.
    while (!fits(line)) {
      let head = '';
      for (const { segment } of graphemeSegmenter().segment(line)) {
        if (head !== '' && !fits(head + segment)) break;
        head += segment;
      }
      lines.push(head.trimEnd());
      line = line.slice(head.length).trimStart();
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The width of the widest word of `text`: where Thai or spaces allow no break (thaiBreak.breakOpportunities). */
export function widestWord(text: string, style: TextStyle): number {
  const cuts = [0, ...breakOpportunities(text), text.length];
  return Math.max(0, ...cuts.slice(1).map((end, k) => textWidth(text.slice(cuts[k], end).trim(), style)));
}

/**
 * The narrowest width, to half a point, at which `text` wraps (wrapText) into at most `lines` lines, never
 * narrower than its widest word: set at that width, a centred title or a column head comes out in balanced
 * lines rather than a full line over a short one ("เป้าหมาย / ที่ควรถึง", not "เป้าหมายที่ควร / ถึง").
 */
export function narrowestWidth(text: string, lines: number, style: TextStyle): number {
  let low = widestWord(text, style);
  let high = Math.max(low, textWidth(text.replace(/\s+/g, ' ').trim(), style));
  if (wrapText(text, low, style).length <= lines) return low;
  while (high - low > 0.5) {
    const mid = (low + high) / 2;
    if (wrapText(text, mid, style).length > lines) low = mid;
    else high = mid;
  }
  return high;
}
