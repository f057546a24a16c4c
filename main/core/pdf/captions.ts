import type { Block, TextBlock } from '../doc/model.ts';
import type { Translate } from './options.ts';

/**
 * Numbered tables and figures: "ตารางที่ 1 …" above a table, "แผนภาพที่ 1 …" under a figure, numbered once
 * through the whole plan, tables and figures each from 1. Through the document rather than per chapter
 * (ตารางที่ 4.1) because that is how Thai agency plans number them: a strategic plan has a dozen tables in
 * six chapters, and per-chapter numbers are the convention of theses and research reports with many tables
 * per chapter. Numbering as the last step also keeps numbers gap-free whatever chapters are printed.
 *
 * Builders mark a caption with its kind (`tableCaption`, blocks.ts `figure`); `numberCaptions` numbers the
 * marked captions in reading order, gives each an id (the lists of tables and figures point at it) and
 * returns them for those lists.
 */
type CaptionKind = 'table' | 'figure';

/** A table's caption, set above it (numbered by numberCaptions). */
export function tableCaption(text: string): TextBlock {
  return { text, style: 'caption', caption: 'table' };
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

/** The content with every marked caption numbered in reading order, and the captions in that order. */
export function numberCaptions(
  content: readonly Block[],
  t: Translate,
): { content: Block[]; captions: NumberedCaption[] } {
  const captions: NumberedCaption[] = [];
  const counts: Record<CaptionKind, number> = { table: 0, figure: 0 };
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
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
