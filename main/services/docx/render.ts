import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  type ILevelsOptions,
  LeaderType,
  LevelFormat,
  LineRuleType,
  NumberFormat,
  Packer,
  PageNumber,
  PageOrientation,
  PageReference,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  type ISectionOptions,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type {
  Alignment,
  Block,
  CaptionList,
  Cell,
  CellNode,
  Contents,
  Cover,
  DocModel,
  Heading,
  Inline,
  ListItem,
  Margin,
  TableNode,
  TextBlock,
} from '../../core/doc/model.ts';
import { textWidth } from '../../core/charts/textWidth.ts';
import { BODY_SIZE, DEFAULT_STYLE, PAGE_HEIGHT, PAGE_WIDTH, TABLE_SIZE } from '../../core/pdf/blocks.ts';
import { thaiDigitsInText } from '../../core/pdf/digits.ts';
import { joinEraYears } from '../../core/pdf/text.ts';
import { embeddedSarabun, imageRun, type Rasterise } from './images.ts';
import {
  BODY,
  exactLine,
  type Face,
  FIRST_LINE,
  halfPoints,
  inFace,
  SARABUN,
  styles,
  TABLE as TABLE_HALF,
  TH_SARABUN_PSK,
  TITLE,
  twips,
} from './styles.ts';

/**
 * The Word renderer of the document model (core/doc/model.ts): the same chapters, numbering, tables and order
 * as the PDF, as a document a secretary edits. Real structure, no drawn text: the headings are Word's Heading
 * 1–3 carrying the plan's numbers, paragraphs are Body Text, captions Caption; the contents are a TOC field
 * Word updates (filled in with the entries, so it reads before it is updated); pages are sections: the cover
 * unnumbered, the front matter lettered ก ข ค, the body from 1, each landscape table in a section of its own;
 * the running head and the page number are in header and footer; tables repeat their head rows and keep rows
 * whole; charts are SVG pictures with a PNG for applications without SVG. No text boxes, nothing positioned.
 *
 * Text is written as the PDF prints it: Thai digits when chosen and era years joined to their year, by the
 * same rules (core/pdf/digits.ts, text.ts).
 */

const HEADER_FILL = 'DDE4EE';
const GROUP_FILL = 'F0F3F7';
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** A cell's padding on each side (pdfmake's phaenGrid pads 4.25 pt). */
const CELL_PADDING = 4.25;
/** The least a text column keeps, points: a project's name in a few lines, not a word a line. */
const MIN_STAR = 110;

interface Context {
  readonly shown: (text: string) => string;
  /** The plan's TH SarabunPSK, or a handout's embedded Sarabun (styles.ts). */
  readonly face: Face;
  readonly rasterise: Rasterise;
  /** The text width of the current section, points. */
  width: number;
  /** Run size (half-points) where a run sets none, when it is not the style's. */
  size?: number;
  /** Numbered lists so far, shared by every copy of the context: each list restarts its numbers. */
  readonly lists: { count: number };
}

/** Bookmark names: a letter first, then letters, digits and underscores, at most 40 characters. */
export const bookmarkName = (id: string): string => `_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.THAI_DISTRIBUTE,
} as const;
const align = (a: Alignment | undefined) => (a === undefined ? undefined : ALIGN[a]);

function spacing(margin: Margin | undefined) {
  if (!margin) return {};
  const [left, top, right, bottom] = margin;
  return {
    indent: { left: twips(left), right: twips(right) },
    spacing: { before: twips(top), after: twips(bottom) },
  };
}

interface RunLook {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly fontSize?: number;
  readonly color?: string;
}

function runs(text: string | readonly Inline[], look: RunLook, ctx: Context): TextRun[] {
  if (typeof text !== 'string')
    return text.flatMap((run) =>
      typeof run === 'string' ? runs(run, look, ctx) : runs(run.text, { ...look, ...run }, ctx),
    );
  const size = look.fontSize !== undefined ? halfPoints(look.fontSize, ctx.face) : ctx.size;
  return ctx
    .shown(text)
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          ...(i > 0 ? { break: 1 } : {}),
          ...(look.bold !== undefined ? { bold: look.bold, boldComplexScript: look.bold } : {}),
          ...(look.italics ? { italics: true, italicsComplexScript: true } : {}),
          ...(size !== undefined ? { size, sizeComplexScript: size } : {}),
          ...(look.color ? { color: look.color.replace('#', '') } : {}),
        }),
    );
}

const STYLE_OF: Partial<Record<string, string>> = { paragraph: 'BodyText', caption: 'Caption', note: 'Note' };

/** The largest run of a text, half-points: its own sizes, else the context's, else its style's (`half`). */
function largest(text: string | readonly Inline[], look: RunLook, ctx: Context, half: number): number {
  const own = (l: RunLook) => (l.fontSize !== undefined ? halfPoints(l.fontSize, ctx.face) : (ctx.size ?? half));
  if (typeof text === 'string') return own(look);
  return Math.max(own(look), ...text.map((run) => (typeof run === 'string' ? own(look) : own({ ...look, ...run }))));
}

/** A paragraph's spacing (before, after) with its exact line where the face sets lines exactly (handouts). */
function lineSpacing(
  ctx: Context,
  half: number,
  around: { before?: number; after?: number } = {},
): { spacing?: { before?: number; after?: number; line?: number; lineRule?: (typeof LineRuleType)['EXACT'] } } {
  const line = exactLine(half, ctx.face);
  if (!line) return Object.keys(around).length > 0 ? { spacing: around } : {};
  return { spacing: { ...around, ...line } };
}

function withBookmark(id: string | undefined, children: ParagraphChild[]): ParagraphChild[] {
  return id === undefined ? children : [new Bookmark({ id: bookmarkName(id), children })];
}

function textParagraph(block: TextBlock, ctx: Context, extra: { keepNext?: boolean } = {}): Paragraph {
  // The foreword's title is a chapter title without a number: Heading 1, so the contents field lists it.
  const heading = block.style === 'chapterTitle' ? HeadingLevel.HEADING_1 : undefined;
  const bold = block.bold ?? (block.style && /^table(Header|Group|Total)$/.test(block.style) ? true : undefined);
  const styleHalf = inFace(
    heading ? TITLE : block.style === 'caption' || block.style === 'note' ? TABLE_HALF : BODY,
    ctx.face,
  );
  return new Paragraph({
    ...(heading ? { heading } : { style: STYLE_OF[block.style ?? ''] }),
    alignment: align(block.alignment ?? (block.style === 'tableHeader' ? 'center' : undefined)),
    ...spacing(block.margin),
    ...lineSpacing(ctx, largest(block.text, block, ctx, styleHalf), spacing(block.margin).spacing),
    ...(block.leadingIndent !== undefined
      ? { indent: { firstLine: FIRST_LINE, ...spacing(block.margin).indent } }
      : {}),
    ...(block.keepWithNext || extra.keepNext ? { keepNext: true } : {}),
    ...(block.pageBreak ? { pageBreakBefore: true } : {}),
    children: withBookmark(block.id, runs(block.text, { ...block, bold }, ctx)),
  });
}

function listParagraphs(items: readonly ListItem[], ordered: boolean, ctx: Context, margin?: Margin): Paragraph[] {
  const instance = ++ctx.lists.count;
  const left = twips(margin?.[0] ?? 0);
  return items.map((item, i) => {
    const block = toText(item);
    return new Paragraph({
      numbering: ordered ? { reference: 'ordered', level: 0, instance } : { reference: 'bullet', level: 0 },
      indent: { left: left + 425, hanging: 425 },
      ...lineSpacing(
        ctx,
        largest(block.text, block, ctx, inFace(BODY, ctx.face)),
        i === items.length - 1 && margin ? { after: twips(margin[3]) } : {},
      ),
      children: runs(block.text, block, ctx),
    });
  });
}

const toText = (item: ListItem): TextBlock => (typeof item === 'string' ? { text: item } : item);

/** Paragraphs (and tables) of a block; `keep` keeps every paragraph with the next (a block read as one). */
function blocks(block: Block, ctx: Context, keep = false): (Paragraph | Table | TableOfContents)[] {
  if (typeof block === 'string') return [textParagraph({ text: block }, ctx, { keepNext: keep })];
  if ('kind' in block) {
    switch (block.kind) {
      case 'table':
        return table(block, ctx);
      case 'heading':
        return [heading(block, ctx)];
      case 'cover':
        return cover(block, ctx);
      case 'contents':
        return contents(block, ctx);
      case 'captionList':
        return captionList(block, ctx);
    }
  }
  if ('stack' in block) {
    const inner = block.stack.flatMap((b) => blocks(b, ctx, keep || block.unbreakable === true));
    return inner;
  }
  if ('ol' in block) return listParagraphs(block.ol, true, ctx, block.margin);
  if ('ul' in block) return listParagraphs(block.ul, false, ctx, block.margin);
  if ('svg' in block) {
    return [
      new Paragraph({
        alignment: align(block.alignment ?? 'center'),
        keepNext: keep,
        ...spacing(block.margin),
        // A single line whatever the document's: a line set closer would clip the picture.
        spacing: { line: 240, lineRule: LineRuleType.AUTO, ...spacing(block.margin).spacing },
        children: [imageRun(block, ctx.width, ctx.rasterise)],
      }),
    ];
  }
  return [textParagraph(block, ctx, { keepNext: keep })];
}

function heading(node: Heading, ctx: Context): Paragraph {
  const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][node.level - 1]!;
  const lines =
    node.level === 1
      ? [node.number, node.title].filter(Boolean).join('\n')
      : node.number
        ? `${node.number} ${node.title}`
        : node.title;
  return new Paragraph({
    heading: level,
    ...lineSpacing(ctx, inFace(node.level === 1 ? TITLE : BODY, ctx.face)),
    // A chapter starts a page (Word's styles cannot say so: pageBreakBefore is the paragraph's).
    ...(node.pageBreak ? { pageBreakBefore: true } : {}),
    children: withBookmark(node.id, runs(lines, {}, { ...ctx, size: undefined })),
  });
}

function cover(node: Cover, ctx: Context): Paragraph[] {
  const rule = { style: BorderStyle.SINGLE, size: 12, color: '1F4E8C', space: 12 };
  const plain = { ...ctx, size: undefined };
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { before: twips(190), after: twips(8) },
      border: { top: rule, ...(node.period === undefined ? { bottom: rule } : {}) },
      children: runs(node.title.replace(/\s*(\((?:พ\.ศ\.|B\.E\.)[^)]*\))/, '\n$1'), {}, plain),
    }),
    ...(node.period === undefined
      ? []
      : [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            border: { bottom: rule },
            children: runs(node.period, { fontSize: 24 * 0.68 }, plain),
          }),
        ]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twips(200) },
      children: runs(node.organisation, { bold: true, fontSize: 20 * 0.68 }, plain),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twips(6) },
      children: runs(node.date, { fontSize: 18 * 0.68 }, plain),
    }),
  ];
}

function pageHead(text: string, ctx: Context): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(text, { bold: true }, ctx) });
}

/**
 * The contents as Word's TOC field over Heading 1–2 (chapters and sections, as the PDF lists them), with
 * links and dot leaders; written with the entries already in it, and marked for Word to update its page
 * numbers when the document opens (settings updateFields).
 */
function contents(node: Contents, ctx: Context): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: runs(node.title, {}, ctx) }),
    pageHead(node.pageHead, ctx),
    new TableOfContents(node.title, {
      hyperlink: true,
      headingStyleRange: '1-2',
      cachedEntries: node.entries.map((e) => ({
        title: ctx.shown(e.title === '' ? e.number : e.number === '' ? e.title : `${e.number} ${e.title}`),
        level: e.level + 1,
        href: bookmarkName(e.id),
      })),
    }),
  ];
}

/** Between a caption's label and its text in the lists of tables and figures. */
const LABEL_GAP = 8;

/** A list of tables or figures: label, caption, dot leader, and the page as a PAGEREF field to the caption. */
function captionList(node: CaptionList, ctx: Context): Paragraph[] {
  // The labels in a column as wide as the widest (ตารางที่ 12), the captions beside them.
  const labelWidth = twips(
    Math.max(...node.items.map((item) => textWidth(ctx.shown(item.label), { fontSize: BODY_SIZE }))) + LABEL_GAP,
  );
  const right = twips(ctx.width);
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: withBookmark(node.id, runs(node.title, {}, { ...ctx, size: undefined })),
    }),
    pageHead(node.pageHead, ctx),
    ...node.items.map(
      (item) =>
        new Paragraph({
          tabStops: [
            { type: TabStopType.LEFT, position: labelWidth },
            { type: TabStopType.RIGHT, position: right, leader: LeaderType.DOT },
          ],
          indent: { left: labelWidth, hanging: labelWidth },
          children: [
            ...runs(item.label, {}, ctx),
            new TextRun({ children: [new Tab()] }),
            ...runs(item.title, {}, ctx),
            new TextRun({ children: [new Tab()] }),
            new PageReference(bookmarkName(item.id)),
          ],
        }),
    ),
  ];
}

/**
 * Column widths in twips: fixed ones as laid out for the PDF, '*' ones sharing the rest, each with its
 * padding; a column of figures never narrower than its widest figure (TableNode.fitted), as Word sets it:
 * TH SarabunPSK at the visual size of Sarabun runs about as wide as Sarabun at the same point size (measured
 * on Laksaman, TH Sarabun New's outlines: ๓,๐๐๐,๐๐๐ is 62.5 pt at 12 pt, Sarabun 42.1 pt at 8.16 pt), so a
 * figure takes 1/TH_SARABUN_SCALE of its PDF width, and a hair more. A figure must never wrap (Word would
 * break ๓,๐๐๐,๐๐๐ at a comma).
 */
const FIGURE_SLACK = 1.03;

function columnWidths(node: TableNode, width: number, face: Face): number[] {
  const least = (i: number) => ((node.fitted?.[i] ?? 0) * FIGURE_SLACK) / face.scale;
  const fixed = node.widths.map((w, i) => (w === '*' ? null : Math.max(w, least(i)) + 2 * CELL_PADDING));
  // Wider figures leave less room: fixed text columns (a unit's name) give some up before the '*' text does.
  const stars0 = node.widths.filter((w) => w === '*').length;
  const over = fixed.reduce<number>((s, w) => s + (w ?? 0), 0) + stars0 * MIN_STAR - width;
  const yielding = fixed.map((w, i) => (w !== null && least(i) === 0 ? w - MIN_STAR : 0));
  const room = yielding.reduce((a, b) => a + b, 0);
  if (over > 0 && room > 0) {
    const cut = Math.min(1, over / room);
    yielding.forEach((y, i) => {
      if (y > 0) fixed[i] = fixed[i]! - y * cut;
    });
  }
  const stars = node.widths.map((w, i) => (w === '*' ? least(i) + 2 * CELL_PADDING : 0));
  let rest = width - fixed.reduce<number>((s, w) => s + (w ?? 0), 0);
  // A '*' column that needs more than an equal share takes what it needs; the others share what is left.
  const open = new Set(node.widths.flatMap((w, i) => (w === '*' ? [i] : [])));
  const given = new Map<number, number>();
  for (let changed = true; changed && open.size > 0;) {
    changed = false;
    const share = rest / open.size;
    for (const i of open) {
      if (stars[i]! > share) {
        given.set(i, stars[i]!);
        rest -= stars[i]!;
        open.delete(i);
        changed = true;
      }
    }
  }
  const share = open.size ? Math.max(MIN_STAR, rest / open.size) : 0;
  return node.widths.map((_w, i) => twips(fixed[i] ?? given.get(i) ?? share));
}

function cellFill(cell: CellNode): string | undefined {
  if (cell.fillColor) return cell.fillColor.replace('#', '').toUpperCase();
  if ('style' in cell) {
    if (cell.style === 'tableHeader') return HEADER_FILL;
    if (cell.style === 'tableGroup' || cell.style === 'tableTotal') return GROUP_FILL;
  }
  return undefined;
}

function cellParagraphs(cell: CellNode, ctx: Context): Paragraph[] {
  const children = blocks(cell as Block, ctx).filter((b): b is Paragraph => b instanceof Paragraph);
  return children.length > 0 ? children : [new Paragraph({})];
}

/**
 * A table in Word: head rows marked to repeat on every page (w:tblHeader), rows that never split
 * (w:cantSplit), cells spanning as in the PDF, shaded heads and group and total rows, figures right-aligned
 * by their column. Followed by an empty paragraph: two tables in a row would merge into one in Word.
 */
function table(node: TableNode, ctx: Context): (Paragraph | Table)[] {
  const widths = columnWidths(node, ctx.width, ctx.face);
  const size = node.variant === 'data' ? halfPoints(node.fontSize ?? TABLE_SIZE, ctx.face) : ctx.size;
  const cellCtx: Context = { ...ctx, size: size === inFace(BODY, ctx.face) ? undefined : size };
  const row = (cells: readonly Cell[], head: boolean, last: boolean) => {
    const out: TableCell[] = [];
    let keepNext = false;
    for (let i = 0; i < cells.length;) {
      const cell: CellNode = typeof cells[i] === 'string' ? { text: cells[i] as string } : (cells[i] as CellNode);
      const span = Math.max(1, cell.colSpan ?? 1);
      if ('keepWithNext' in cell && cell.keepWithNext) keepNext = true;
      const fill = cellFill(cell);
      const look: CellNode =
        'text' in cell && !('alignment' in cell) && node.align[i] !== undefined && !head
          ? { ...cell, alignment: node.align[i] }
          : cell;
      const border = cell.border;
      out.push(
        new TableCell({
          children: cellParagraphs(look, cellCtx),
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
          width: { size: widths.slice(i, i + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
          ...(border
            ? {
                borders: {
                  left: border[0] ? RULE : NO_RULE,
                  top: border[1] ? RULE : NO_RULE,
                  right: border[2] ? RULE : NO_RULE,
                  bottom: border[3] ? RULE : NO_RULE,
                },
              }
            : {}),
        }),
      );
      i += span;
    }
    return new TableRow({
      children: out,
      ...(head ? { tableHeader: true } : {}),
      ...(node.dontBreakRows || head ? { cantSplit: true } : {}),
      ...(keepNext || (node.unbreakable && !last) ? { keepNext: true } : {}),
    });
  };
  const all = [...node.headRows, ...node.rows];
  return [
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      margins: { left: twips(CELL_PADDING), right: twips(CELL_PADDING), top: 20, bottom: 20 },
      borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
      ...(node.margin ? { indent: { size: twips(node.margin[0]), type: WidthType.DXA } } : {}),
      rows: all.map((cells, i) => row(cells, i < node.headRows.length, i === all.length - 1)),
    }),
    // Where lines are exact (a handout), the paragraph itself is a point high: the gap is the table's margin,
    // as in the PDF, not a whole empty line more.
    new Paragraph({
      spacing: {
        after: twips(node.margin?.[3] ?? 6),
        ...(ctx.face.pitch === null ? {} : { line: twips(1), lineRule: LineRuleType.EXACT }),
      },
      children: [],
    }),
  ];
}

interface Part {
  readonly role: 'cover' | 'front' | 'body' | 'handout';
  readonly orientation: 'portrait' | 'landscape';
  /** The first section of the body: numbers start again from 1. */
  readonly restart: boolean;
  readonly blocks: Block[];
}

/**
 * The document's sections: the cover, the front matter up to the first chapter (numbering.bodyStart), then
 * the body, with a section of its own from each heading that turns the pages.
 */
function parts(model: DocModel): Part[] {
  if (model.runningHead === undefined) {
    return [{ role: 'handout', orientation: model.orientation, restart: true, blocks: [...model.content] }];
  }
  const out: Part[] = [];
  let current: Part | undefined;
  let inBody = false;
  for (const block of model.content) {
    const isHeading = typeof block === 'object' && 'kind' in block && block.kind === 'heading';
    const starts = isHeading && !inBody && block.id !== undefined && block.id === model.numbering.bodyStart;
    if (typeof block === 'object' && 'kind' in block && block.kind === 'cover') {
      current = { role: 'cover', orientation: 'portrait', restart: false, blocks: [block] };
      out.push(current);
      current = undefined;
      continue;
    }
    if (starts) inBody = true;
    const turn = isHeading && block.orientation !== undefined && block.orientation !== current?.orientation;
    if (!current || starts || (inBody && turn)) {
      current = {
        role: inBody ? 'body' : 'front',
        orientation: isHeading && block.orientation ? block.orientation : (current?.orientation ?? 'portrait'),
        restart: starts || !inBody,
        blocks: [],
      };
      out.push(current);
    }
    current.blocks.push(block);
  }
  return out;
}

export interface DocxOptions {
  readonly rasterise: Rasterise;
  /** The shipped fonts (resources/fonts): a handout embeds Sarabun from there. */
  readonly fontsDir: string;
}

export async function renderDocx(model: DocModel, options: DocxOptions): Promise<Buffer> {
  const shown = (text: string) => joinEraYears(model.thaiDigits ? thaiDigitsInText(text) : text);
  // A handout keeps to its page in any application: it carries its own font (styles.ts SARABUN).
  const face = model.setting === 'handout' ? SARABUN : TH_SARABUN_PSK;
  const handoutSize =
    model.setting === 'handout' ? halfPoints(model.fontSize ?? DEFAULT_STYLE.fontSize, face) : undefined;
  const [left, top, right, bottom] = model.margins;
  const ctx: Context = {
    shown,
    face,
    rasterise: options.rasterise,
    width: 0,
    lists: { count: 0 },
    ...(handoutSize !== undefined ? { size: handoutSize } : {}),
  };
  const header = (head: string) =>
    new Header({
      children: [
        new Paragraph({
          style: 'Header',
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 1 } },
          children: runs(head, {}, { ...ctx, size: undefined }),
        }),
      ],
    });
  const footer = () =>
    new Footer({
      children: [new Paragraph({ style: 'Footer', children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
    });
  const frontFormat = model.numbering.frontMatter === 'roman' ? NumberFormat.LOWER_ROMAN : NumberFormat.THAI_LETTERS;
  // Thai page numbers: the section's w:pgNumType w:fmt="thaiNumbers" (ECMA-376 ST_NumberFormat), which Word shows
  // in the footer's plain PAGE field. LibreOffice 7.4 ignores it and shows 1 2 3; a PAGE field with Word's
  // \* ThaiArabic switch (Thai digits in Word) shows ก ข ค in LibreOffice, wrong numbers rather than other
  // digits, so the section format is kept: right in Word, Arabic digits in LibreOffice.
  const bodyFormat = model.numbering.digits === 'thai' ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL;
  const sections: ISectionOptions[] = parts(model).map((part) => {
    const landscape = part.orientation === 'landscape';
    ctx.width = (landscape ? PAGE_HEIGHT : PAGE_WIDTH) - left - right;
    const numbered = part.role === 'front' || part.role === 'body';
    return {
      properties: {
        page: {
          size: {
            width: twips(PAGE_WIDTH),
            height: twips(PAGE_HEIGHT),
            orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: {
            left: twips(left),
            right: twips(right),
            top: twips(top),
            bottom: twips(bottom),
            header: twips(28),
            footer: twips(24),
          },
          ...(numbered
            ? {
                pageNumbers: {
                  ...(part.restart ? { start: 1 } : {}),
                  formatType: part.role === 'front' ? frontFormat : bodyFormat,
                },
              }
            : {}),
        },
      },
      ...(numbered && model.runningHead !== undefined
        ? { headers: { default: header(model.runningHead) }, footers: { default: footer() } }
        : part.role === 'cover'
          ? { headers: { default: new Header({ children: [] }) }, footers: { default: new Footer({ children: [] }) } }
          : {}),
      children: part.blocks.flatMap((b) => blocks(b, ctx)),
    };
  });
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string): ILevelsOptions[] => [
    { level: 0, format, text, alignment: AlignmentType.LEFT },
  ];
  const doc = new Document({
    title: model.info.title,
    subject: model.info.subject,
    creator: model.info.author,
    keywords: model.info.keywords,
    description: model.info.subject,
    styles: styles(model.language, model.setting, face, handoutSize),
    ...(face === SARABUN ? { fonts: [embeddedSarabun(options.fontsDir)] } : {}),
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: levels(model.thaiDigits ? LevelFormat.THAI_NUMBERS : LevelFormat.DECIMAL, '%1.'),
        },
        { reference: 'bullet', levels: levels(LevelFormat.BULLET, '•') },
      ],
    },
    features: { updateFields: true },
    sections,
  });
  return Packer.toBuffer(doc);
}
