/**
 * Named table layouts. pdfmake layouts are functions, which cannot cross into the PDF worker, so documents
 * refer to these by name (`layout: 'phaenGrid'`).
 */
interface TableNode {
  table: { headerRows?: number; body: unknown[]; widths?: unknown[] };
}

const LINE = '#555555';
// Sarabun's stacked marks (ปั้น, ที่) rise about 0.15 em above its ascent and its below vowels (ฐุ, ญู)
// sink about 0.1 em below its descent: cell padding keeps them off the rules at 14–16 pt.
const PAD_TOP = 3;
const PAD_BOTTOM = 2;
const HEADER_FILL = '#eeeeee';
/** Sarabun's space is 0.243 em: 3.9 pt at 16 pt, 3.4 pt at 14 pt. */
const LIST_GAP = 3.9;

export const TABLE_LAYOUTS = {
  /** A full grid of thin lines with a shaded header row: the usual table of a Thai official plan. */
  phaenGrid: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => LINE,
    vLineColor: () => LINE,
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => PAD_TOP,
    paddingBottom: () => PAD_BOTTOM,
    fillColor: (row: number, node: TableNode) => (row < (node.table.headerRows ?? 0) ? HEADER_FILL : null),
  },
  /** Rules above and below the table and under the header, no vertical lines: lighter tables. */
  phaenRules: {
    hLineWidth: (i: number, node: TableNode) =>
      i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? 0.5 : 0,
    vLineWidth: () => 0,
    hLineColor: () => LINE,
    paddingLeft: (i: number) => (i === 0 ? 0 : 4),
    paddingRight: (i: number, node: TableNode) => (i === (node.table.widths?.length ?? 0) - 1 ? 0 : 4),
    paddingTop: () => PAD_TOP,
    paddingBottom: () => PAD_BOTTOM,
  },
  /**
   * A numbered list written as a table (core/pdf/digits.ts: numbers in Thai digits): no rules, no padding
   * but the gap after the number, about the space pdfmake's own `ol` leaves after "1.".
   */
  phaenList: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => 0,
    paddingRight: (i: number) => (i === 0 ? LIST_GAP : 0),
    paddingTop: () => 0,
    paddingBottom: () => 0,
  },
} as const;

export type TableLayoutName = keyof typeof TABLE_LAYOUTS;
