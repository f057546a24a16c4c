import type { PageNumbering } from '../pdf/pageNumbers.ts';
import type { Language } from '../settings.ts';

/**
 * The plan's documents as one format-neutral model, built once from the plan (core/pdf builders: chapters,
 * blocks.ts constructors, outline.ts, captions.ts) and rendered by each output: PDF (core/pdf/pdfmake.ts →
 * pdfmake in the worker) and Word (services/docx). A chapter's logic exists once; a renderer decides only
 * how a kind of node looks in its format.
 *
 * The vocabulary is typography any word processor has: named styles (the Word paragraph styles of the
 * same name), runs with emphasis and size, spacing as [left, top, right, bottom] points (indents and space
 * before/after in Word), first-line indent, keep-with-next and keep-together, page breaks and orientation.
 * Structure is explicit: headings with their numbers and bookmark ids, tables with column semantics (width,
 * alignment, figures that must fit whole), numbered captions, the cover, the contents, the lists of tables
 * and figures, the running head and the page numbering. Sizes are Sarabun points as printed (blocks.ts
 * `thSarabun`): a renderer in TH SarabunPSK divides them back by TH_SARABUN_SCALE.
 */

/** Named styles: each renderer gives them their look (the PDF's STYLES, Word's paragraph styles). */
export type StyleName =
  | 'paragraph'
  | 'caption'
  | 'note'
  | 'table'
  | 'tableHeader'
  | 'tableGroup'
  | 'tableTotal'
  | 'chapterNumber'
  | 'chapterTitle'
  | 'h2'
  | 'h3'
  | 'header'
  | 'footer';

export type Alignment = 'left' | 'center' | 'right' | 'justify';
/** [left, top, right, bottom] in points: indents and the space before and after. */
export type Margin = [number, number, number, number];

interface Look {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly fontSize?: number;
  readonly color?: string;
  readonly alignment?: Alignment;
  readonly margin?: Margin;
  /** A cell's or a box's shading. */
  readonly fillColor?: string;
}

/** Inline text with its own emphasis (a factor's code in bold, its category under it smaller). */
export interface Run extends Look {
  readonly text: string;
}
export type Inline = string | Run;

/** A paragraph; "\n" in its text is a line break inside it. */
export interface TextBlock extends Look {
  readonly text: string | readonly Inline[];
  readonly style?: StyleName;
  /** The first line's indent (Thai official paragraphs indent it). */
  readonly leadingIndent?: number;
  /** Never the last thing on a page: moves to the next page with what follows. */
  readonly keepWithNext?: boolean;
  /** A target the contents and the lists of tables and figures point at. */
  readonly id?: string;
  readonly pageBreak?: 'before';
  /** A caption to number through the document (captions.ts). */
  readonly caption?: 'table' | 'figure';
}

export type ListItem = Inline | TextBlock;
export interface OrderedList {
  readonly ol: readonly ListItem[];
  readonly start?: number;
  readonly margin?: Margin;
}
export interface BulletList {
  readonly ul: readonly ListItem[];
  readonly margin?: Margin;
}

/** Blocks read as one: with `unbreakable`, kept on one page. */
export interface StackBlock extends Look {
  readonly stack: readonly Block[];
  readonly unbreakable?: boolean;
}

/** A chart or the strategy map: SVG, `width` points wide or fitted into a [width, height] box. */
export interface ImageBlock {
  readonly svg: string;
  readonly width?: number;
  readonly fit?: [number, number];
  readonly alignment?: Alignment;
  readonly margin?: Margin;
  /** What the drawing shows, for readers that cannot see it (its caption): the tagged PDF's /Alt. */
  readonly alt?: string;
}

export type CellNode = (TextBlock | StackBlock | ImageBlock | OrderedList) & {
  readonly colSpan?: number;
  readonly fillColor?: string;
  /** Which of [left, top, right, bottom] rules to draw (all by default). */
  readonly border?: [boolean, boolean, boolean, boolean];
};
export type Cell = string | CellNode;

export interface Column {
  readonly header: string;
  /** Points, or '*' for the columns that share what is left. */
  readonly width: number | '*';
  readonly align?: 'left' | 'center' | 'right';
  /**
   * Never narrower than the widest value printed in it (a number is never broken across lines): the width
   * grows to it, and a '*' column that would get less makes the whole table take a smaller type.
   */
  readonly fit?: boolean;
}

/**
 * A table: head rows repeated on every page it runs over, body rows never split across pages. `data`
 * tables (blocks.ts `table`) have column heads and the table type size; `plain` ones (a framed box, the
 * summary's issue tables) only rules.
 */
export interface TableNode {
  readonly kind: 'table';
  readonly variant: 'data' | 'plain';
  /** Points or '*' per column, as laid out for the page width (blocks.ts columnWidths). */
  readonly widths: readonly (number | '*')[];
  /**
   * The widest value of each fitted column (Column.fit) as the PDF prints it, points; 0 for the others. A
   * renderer that sets its own widths keeps each column at least this wide, so that no figure wraps.
   */
  readonly fitted?: readonly number[];
  /** Alignment of each column's figures (Word right-aligns numbers by the column, not cell by cell). */
  readonly align: readonly ('left' | 'center' | 'right' | undefined)[];
  readonly headRows: readonly (readonly Cell[])[];
  readonly rows: readonly (readonly Cell[])[];
  readonly fontSize?: number;
  readonly margin?: Margin;
  /** Kept on one page whole (a KPI's sheet). */
  readonly unbreakable?: boolean;
  /** Rows are never split across pages (data tables always). */
  readonly dontBreakRows?: boolean;
  /** Its caption's text (blocks.ts `table` option): numberCaptions sets it above the table, numbered. */
  readonly captionText?: string;
}

/**
 * A numbered heading: level 1 a chapter ("บทที่ 1" over "บทนำ"; the annexes' title alone), 2 a section
 * (1.1), 3 a subsection (1.1.1). `id` is its bookmark and contents target; `parentId` its chapter's or
 * section's. A level-1 heading starts a page; `orientation` turns the pages from it on.
 */
export interface Heading {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3;
  /** "บทที่ 1", "1.1", "ภาคผนวก ก"; empty when the heading has none. */
  readonly number: string;
  readonly title: string;
  readonly id?: string;
  readonly parentId?: string;
  readonly pageBreak?: boolean;
  readonly orientation?: 'portrait' | 'landscape';
}

/** The cover: the plan's title, the period when the title lacks it, the organisation and the date. */
export interface Cover {
  readonly kind: 'cover';
  readonly title: string;
  readonly period?: string;
  readonly organisation: string;
  readonly date: string;
}

export interface TocEntry {
  readonly level: 0 | 1;
  /** "บทที่ 1", "1.1", "ภาคผนวก ก" */
  readonly number: string;
  readonly title: string;
  /** The id of the heading it points at. */
  readonly id: string;
  /** An annex (ภาคผนวก ก): its number is set in a column of its own width in the contents. */
  readonly annex?: boolean;
}

/** The table of contents, on a page of its own: its title, the head of the page column, the entries. */
export interface Contents {
  readonly kind: 'contents';
  readonly title: string;
  readonly pageHead: string;
  readonly entries: readonly TocEntry[];
}

/** A list of tables or of figures (สารบัญตาราง, สารบัญแผนภาพ), on a page of its own after the contents. */
export interface CaptionList {
  readonly kind: 'captionList';
  readonly id: string;
  readonly title: string;
  readonly pageHead: string;
  readonly items: readonly { readonly label: string; readonly title: string; readonly id: string }[];
}

export type Block =
  | string
  | TextBlock
  | OrderedList
  | BulletList
  | StackBlock
  | ImageBlock
  | TableNode
  | Heading
  | Cover
  | Contents
  | CaptionList;

/** What a document says about itself (title, author, subject, keywords) and its language. */
export interface DocumentInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string;
  readonly creator: string;
}

export interface DocModel {
  readonly info: DocumentInfo;
  readonly language: Language;
  readonly orientation: 'portrait' | 'landscape';
  /** [left, top, right, bottom] points. */
  readonly margins: Margin;
  /** The body's setting: the plan's (TH SarabunPSK 16 pt at Word's line pitch) or a handout's (set close). */
  readonly setting: 'plan' | 'handout';
  /** The handout's type size when it chose one to fit its page. */
  readonly fontSize?: number;
  /** The plan's title in the header of every numbered page. */
  readonly runningHead?: string;
  readonly numbering: PageNumbering;
  readonly thaiDigits: boolean;
  readonly content: readonly Block[];
}
