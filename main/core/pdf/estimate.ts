import type { Content, Style } from 'pdfmake/interfaces';
import type { Block, TableNode } from '../doc/model.ts';
import { wrapText } from '../charts/textWidth.ts';
import { BODY_SIZE, BODY_STYLE, CONTENT_WIDTH, plainText, STYLES, TABLE_SIZE } from './blocks.ts';
import { pdfTable } from './pdfmake.ts';

/**
 * How tall a block will print, estimated before layout with Sarabun's advance widths and Thai word breaks
 * (charts/textWidth.ts). Used to decide what may be held together on one page (a caption with its table;
 * headings are kept with what follows by the PDF engine, `keepWithNext`): pdfmake draws an unbreakable block
 * taller than a page off the page, so only blocks known to be short are ever held together. Unknown kinds of
 * block count as endless.
 */

/** Sarabun's line: (ascent − descent) / em = (1068 + 232) / 1000, times the document's line height. */
const LINE = 1.3 * BODY_STYLE.lineHeight;
const CELL_PADDING = 8;
const ROW_EXTRA = 4.5;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

function styleOf(node: Node): Style {
  const names = Array.isArray(node.style) ? node.style : node.style === undefined ? [] : [node.style];
  return Object.assign({}, ...names.map((n) => STYLES[String(n)] ?? {}), node) as Style;
}

function verticalMargin(style: Style): number {
  const m = style.margin;
  if (typeof m === 'number') return 2 * m;
  if (Array.isArray(m)) return m.length === 4 ? m[1] + m[3] : m.length === 2 ? 2 * m[1] : 0;
  return 0;
}

function textHeight(text: string, width: number, size: number, bold: boolean, indent = 0): number {
  const lines = text
    .split('\n')
    .reduce((n, part) => n + Math.max(1, wrapText(part, width, { fontSize: size, bold }, indent).length), 0);
  return lines * size * LINE;
}

const svgSize = (svg: string, attribute: string) =>
  Number(new RegExp(`<svg[^>]*\\s${attribute}="([0-9.]+)"`).exec(svg)?.[1] ?? NaN);

export function estimateHeight(block: Content, width = CONTENT_WIDTH, size = BODY_SIZE, bold = false): number {
  if (typeof block === 'string') return textHeight(block, width, size, bold);
  // A model table is measured as the PDF lays it out.
  if (isNode(block) && block.kind === 'table')
    return estimateHeight(pdfTable(block as unknown as TableNode), width, size, bold);
  if (Array.isArray(block))
    return block.reduce((sum: number, b: Content) => sum + estimateHeight(b, width, size, bold), 0);
  if (!isNode(block)) return Infinity;
  const style = styleOf(block);
  const fontSize = style.fontSize ?? size;
  const isBold = style.bold ?? bold;
  const margin = verticalMargin(style);
  if ('text' in block) {
    const indent = typeof style.leadingIndent === 'number' ? style.leadingIndent : 0;
    return textHeight(plainText(block.text), width, fontSize, isBold, indent) + margin;
  }
  if (Array.isArray(block.stack)) return estimateHeight(block.stack as Content[], width, fontSize, isBold) + margin;
  if (Array.isArray(block.ol) || Array.isArray(block.ul)) {
    const items = (block.ol ?? block.ul) as Content[];
    return items.reduce((sum: number, item) => sum + estimateHeight(item, width - 24, fontSize, isBold), 0) + margin;
  }
  if (typeof block.svg === 'string') {
    const w = svgSize(block.svg, 'width');
    const h = svgSize(block.svg, 'height');
    const shown = Array.isArray(block.fit) ? Number(block.fit[0]) : Number(block.width ?? w);
    return Number.isFinite(w) && Number.isFinite(h) ? (h * Math.min(shown, width)) / w + margin : Infinity;
  }
  if (isNode(block.table)) return tableHeight(block.table, width, style.fontSize ?? TABLE_SIZE) + margin;
  return Infinity;
}

function tableHeight(table: Node, width: number, size: number): number {
  const widths = (table.widths as (number | string)[] | undefined) ?? [];
  const body = (table.body as Content[][] | undefined) ?? [];
  const fixed = widths.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0);
  const stars = widths.filter((w) => typeof w !== 'number').length;
  const star = stars ? Math.max(20, (width - fixed - widths.length * CELL_PADDING) / stars) : 0;
  const col = (i: number) => (typeof widths[i] === 'number' ? (widths[i] as number) : star);
  let height = 0;
  for (const row of body) {
    let tallest = 0;
    row.forEach((cell, i) => {
      const span = isNode(cell) && typeof cell.colSpan === 'number' ? cell.colSpan : 1;
      let cellWidth = 0;
      for (let j = i; j < i + span; j++) cellWidth += col(j);
      cellWidth += (span - 1) * CELL_PADDING;
      tallest = Math.max(tallest, estimateHeight(cell, cellWidth, size));
    });
    height += tallest + ROW_EXTRA;
  }
  return height;
}

/** Pages hold about 700 pt of text (portrait) or 460 pt (landscape): keep held-together blocks well under that. */
export const KEEP_LIMIT = 360;

/** The blocks as one unbreakable block when they surely fit on a page, else as they are. */
export function keepTogether(blocks: readonly Block[], width = CONTENT_WIDTH, limit = KEEP_LIMIT): Block[] {
  if (blocks.length < 2 || estimateHeight([...blocks] as Content[], width) > limit) return [...blocks];
  return [{ stack: [...blocks], unbreakable: true }];
}
