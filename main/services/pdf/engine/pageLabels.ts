/**
 * Page numbers as the document prints them (core/pdf/pageNumbers.ts: unnumbered cover, front matter ก ข ค,
 * body from 1), in the three places they appear: the footer (prepare.ts), the table of contents (page
 * references, set when a line is drawn, with their dot leaders) and the PDF's /PageLabels, so that a
 * viewer's page box shows the number printed on the page.
 */
import { type Leader, type PageNumbering, pageLabel } from '../../../core/pdf/pageNumbers.ts';
import type { Inline, Line, PageNodeRef, PdfKitDocument } from './internals.ts';

/**
 * Page labels of one layout: the numbering asked for, and the physical page the body starts on, which is
 * known once the pages are laid out (`resolveBody`); until then the body starts at the first numbered page.
 */
export class PageLabels {
  readonly numbering: PageNumbering;
  private bodyPage: number;

  constructor(numbering: PageNumbering) {
    this.numbering = numbering;
    this.bodyPage = numbering.firstPage;
  }

  /** `pageOf(id)`: the physical page of the node with that id, if it was laid out. */
  resolveBody(pageOf: (id: string) => number | undefined): void {
    const { bodyStart, firstPage } = this.numbering;
    this.bodyPage = (bodyStart === undefined ? undefined : pageOf(bodyStart)) ?? firstPage;
  }

  /** What the page is printed as; null for an unnumbered page (no header or footer there). */
  label(physical: number): string | null {
    return pageLabel(physical, this.bodyPage, this.numbering);
  }
}

/**
 * The node an inline's page reference points at. pdfmake links it (`_pageNodeRef`) only for the first line
 * of a paragraph; on a later line, as when a contents entry wraps and its number ends its last line, the
 * reference the preprocessor left on the inline (`_pageRef`) is read instead.
 */
export function pageReferenceOf(inline: Inline): PageNodeRef | undefined {
  return inline._pageNodeRef ?? (inline._pageRef as { _nodeRef?: PageNodeRef } | undefined)?._nodeRef;
}

/** The page number of a page reference (table of contents), then its leader if the inline asks for one. */
export function setPageNumber(line: Line, inline: Inline, ref: PageNodeRef, labels: PageLabels): void {
  const position = ref.positions?.[0];
  if (!position) throw new Error('Page reference id not found');
  inline.text = labels.label(position.pageNumber) ?? '';
  const leader = inline.leader as Leader | undefined;
  if (leader) inline.fontSize = leader.fontSize;
  const width =
    inline.font.widthOfString(inline.text, inline.fontSize, inline.fontFeatures) +
    (inline.characterSpacing ?? 0) * (inline.text.length - 1);
  const diff = inline.width - width;
  inline.width = width;
  if (leader) placeLeader(line, inline, leader.room);
  else if (inline.alignment === 'right') inline.x = (inline.x ?? 0) + diff;
  else if (inline.alignment === 'center') inline.x = (inline.x ?? 0) + diff / 2;
}

/** Room between the text and the first dot, and between the last dot and the number. */
const LEADER_GAP = 3;
/** Extra room after each dot: Word's dot leader is a little looser than a row of full stops. */
const LEADER_SPACING = 1.5;

/**
 * A contents entry's page number, `beyond` points past the right end of its line (the entry's text keeps
 * that room free on every line: the number sits in the right margin of its text; core lays it out tiny and
 * it is drawn at the leader's size: core/pdf/pageNumbers.ts Leader), with a row of dots from
 * the end of the text to the number. The dots sit on a grid of the page, so that they line up from one
 * entry to the next whatever the text's length, as a tab leader does in Word.
 */
function placeLeader(line: Line, number: Inline, beyond: number): void {
  const lineX = line.x ?? 0;
  const textEnd = number.x ?? 0;
  number.x = line.maxWidth + beyond - number.width;
  const dot = number.font.widthOfString('.', number.fontSize, number.fontFeatures);
  const pitch = dot + LEADER_SPACING;
  const first = Math.ceil((lineX + textEnd + LEADER_GAP) / pitch) * pitch - lineX;
  const count = Math.floor((number.x - LEADER_GAP - dot - first) / pitch) + 1;
  if (count < 1) return;
  const dots: Inline = {
    ...number,
    text: '.'.repeat(count),
    x: first,
    width: count * pitch,
    characterSpacing: LEADER_SPACING,
  };
  // The dots are plain text: no page reference of their own, no leader.
  delete dots._pageNodeRef;
  delete dots._pageRef;
  delete dots.leader;
  line.inlines.splice(line.inlines.indexOf(number), 0, dots);
}

/**
 * The document's /PageLabels: each page its printed label as a prefix (Thai letters and Thai digits are not
 * among PDF's numbering styles), except runs of Arabic body numbers, written as one decimal range.
 */
export function writePageLabels(pdf: PdfKitDocument, labels: PageLabels, pageCount: number): void {
  const nums: unknown[] = [];
  let run: { start: number; next: number } | null = null;
  for (let physical = 1; physical <= pageCount; physical++) {
    const label = labels.label(physical);
    const value = label === null ? null : /^[1-9][0-9]*$/.test(label) ? Number(label) : null;
    if (value !== null && run && value === run.next) {
      run.next += 1;
      continue;
    }
    if (value !== null) {
      run = { start: value, next: value + 1 };
      nums.push(physical - 1, { S: 'D', St: value });
    } else {
      run = null;
      nums.push(physical - 1, { P: new String(label ?? labels.numbering.unnumberedLabel ?? '') });
    }
  }
  const tree = pdf.ref({ Nums: nums });
  pdf._root.data.PageLabels = tree;
  tree.end();
}
