import type { Block, TextBlock } from '../doc/model.ts';
import type { Translate } from './options.ts';

/**
 * Numbered tables and figures: "ตารางที่ 1 …" above a table, "แผนภาพที่ 1 …" under a figure, numbered once
 * through the whole plan, tables and figures each from 1. Through the document rather than per chapter
 * (ตารางที่ 4.1) because that is how Thai agency plans number them: a strategic plan has a dozen tables in
 * six chapters, and per-chapter numbers are the convention of theses and research reports with many tables
 * per chapter. Numbering as the last step also keeps numbers gap-free whatever chapters are printed.
 *
 * Every table is numbered: builders give its caption text to blocks.ts `table` (option `caption`), which
 * puts it on the table node; figures get theirs from blocks.ts `figure`. `numberCaptions` sets each table's
 * caption above it, kept with the table's first rows, numbers the captions in reading order, gives each an
 * id (the lists of tables and figures point at it) and returns them for those lists.
 */
type CaptionKind = 'table' | 'figure';

/** A table's caption, set above it and never left at a page foot without it (numbered by numberCaptions). */
function tableCaption(text: string): TextBlock {
  return { text, style: 'caption', caption: 'table', keepWithNext: true };
}

/** A figure's caption, set under it (numbered by numberCaptions). */
export function figureCaption(text: string): TextBlock {
  return { text, style: 'caption', caption: 'figure', alignment: 'center' };
}

export interface NumberedCaption {
  readonly kind: CaptionKind;
  /** "ตารางที่ 1" */
  readonly label: string;
  /** The caption's own text, without the label. */
  readonly title: string;
  /** The caption node's id (the lists' page references point at it). */
  readonly id: string;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

const LABEL_KEYS: Record<CaptionKind, string> = {
  table: 'pdf.doc.captions.tableN',
  figure: 'pdf.doc.captions.figureN',
};

/**
 * A table with a caption as its caption and the table; null for any other value. The caption is kept with the
 * table's first rows even under a heading: the table's head and first rows move to the next page as one when
 * they do not fit (blocks.ts withKeptRows), and a caption not kept with them stayed behind at the page's foot,
 * with the heading and the lead above it (the budget summary, ตารางที่ 16).
 */
function captioned(value: unknown): Block[] | null {
  if (!isNode(value) || value.kind !== 'table' || typeof value.captionText !== 'string') return null;
  const { captionText: text, ...table } = value;
  return [tableCaption(text), table as unknown as Block];
}

/** The content with every marked caption numbered in reading order, and the captions in that order. */
export function numberCaptions(
  content: readonly Block[],
  t: Translate,
): { content: Block[]; captions: NumberedCaption[] } {
  const captions: NumberedCaption[] = [];
  const counts: Record<CaptionKind, number> = { table: 0, figure: 0 };
  const walk = (value: unknown): unknown => {
    // A captioned table becomes its caption and the table, in the content it is in.
    if (Array.isArray(value))
      return value.flatMap((item) => {
        const parts = captioned(item);
        return parts ? (walk(parts) as unknown[]) : [walk(item)];
      });
    if (!isNode(value)) return value;
    const kind = value.caption;
    if ((kind === 'table' || kind === 'figure') && typeof value.text === 'string') {
      counts[kind] += 1;
      const n = counts[kind];
      const label = t(LABEL_KEYS[kind], { n });
      const id = `${kind}-${n}`;
      captions.push({ kind, label, title: value.text, id });
      const { caption: _marker, ...rest } = value;
      return { ...rest, text: `${label} ${value.text}`, id };
    }
    const out: Node = { ...value };
    for (const key of ['stack', 'ul', 'ol', 'headRows', 'rows'] as const) if (key in out) out[key] = walk(out[key]);
    return out;
  };
  return { content: walk(content) as Block[], captions };
}
