import type { Content, ContentCanvas, TDocumentDefinitions } from 'pdfmake/interfaces';
import type {
  Block,
  CaptionList,
  Cell,
  Contents,
  Cover,
  DocModel,
  Heading,
  TableNode,
  TocEntry,
} from '../doc/model.ts';
import { narrowestWidth, textWidth, wrapText } from '../charts/textWidth.ts';
import { toThaiDigits } from '../years.ts';
import { BODY_SIZE, BODY_STYLE, CONTENT_WIDTH, DEFAULT_STYLE, STYLES, thSarabun } from './blocks.ts';
import { withThaiDigits } from './digits.ts';
import { pageSetup } from './page.ts';
import { CELL_PLACE, type CellPlace } from './structure.ts';
import type { Leader, PageNumbering } from './pageNumbers.ts';
import { withEraYearsJoined } from './text.ts';

/**
 * The PDF renderer of the document model (doc/model.ts): the pdfmake document definition the engine draws
 * (services/pdf/render.ts, in a worker). The model's typography is pdfmake's own where they agree (runs,
 * named styles, margins, keeps), so most blocks pass as they are; tables, headings and the front matter
 * are laid out here.
 */
export interface PdfDocument {
  readonly doc: TDocumentDefinitions;
  readonly numbering: PageNumbering;
}

interface Options {
  readonly thaiDigits: boolean;
  /** Tables numbered as rendered, for their cells' places in the tagged structure (structure.ts). */
  readonly tables: { count: number };
}

export function pdfDocument(model: DocModel): PdfDocument {
  const options: Options = { thaiDigits: model.thaiDigits, tables: { count: 0 } };
  const content = model.content.flatMap((block) => pdfBlock(block, options));
  const page =
    model.runningHead !== undefined
      ? pageSetup(model.runningHead)
      : {
          pageSize: 'A4' as const,
          pageOrientation: model.orientation,
          pageMargins: model.margins,
          defaultStyle: model.fontSize === undefined ? DEFAULT_STYLE : { ...DEFAULT_STYLE, fontSize: model.fontSize },
          styles: STYLES,
        };
  // Tagged: headings, paragraphs, tables and figures as structure elements (structure.ts), and /Lang.
  const doc: TDocumentDefinitions = {
    ...page,
    info: { ...model.info },
    language: model.language,
    tagged: true,
    content,
  };
  // Thai digits first: "พ.ศ. ๒๕๖๖" is joined as "พ.ศ. 2566" is.
  return { doc: withEraYearsJoined(model.thaiDigits ? withThaiDigits(doc) : doc), numbering: model.numbering };
}

export function pdfBlock(block: Block, options: Options): Content[] {
  if (typeof block === 'string') return [block];
  if ('kind' in block) {
    switch (block.kind) {
      case 'table':
        return [pdfTable(block, ++options.tables.count)];
      case 'heading':
        return pdfHeading(block);
      case 'cover':
        return cover(block);
      case 'contents':
        return contents(block, options.thaiDigits);
      case 'captionList':
        return captionList(block, options.thaiDigits);
    }
  }
  if ('stack' in block) return [{ ...block, stack: block.stack.flatMap((b) => pdfBlock(b, options)) } as Content];
  // A page's title with a target (the foreword) gets a bookmark, as the chapters' headings do.
  if ('style' in block && block.style === 'chapterTitle' && block.id !== undefined)
    return [{ ...block, outline: true } as Content];
  return [block as Content];
}

/** How many rows from the first on keep with the next: the run pdfmake keeps with a table's heads. */
function leadingKept(rows: readonly (readonly Cell[])[]): number {
  const at = rows.findIndex(
    ([first]) => typeof first !== 'object' || !('keepWithNext' in first) || first.keepWithNext !== true,
  );
  return at === -1 ? rows.length : at;
}

/** A table with the engine's thin rules on every cell (a named layout: functions cannot cross into the worker). */
export function pdfTable(node: TableNode, table: number): Content {
  const { widths, headRows, rows, fontSize, margin, unbreakable, dontBreakRows } = node;
  // Each cell knows its table and row, for the tagged structure's Table, TR and TH/TD (structure.ts).
  const placed = (body: readonly (readonly Cell[])[], heads: number) =>
    body.map((row, r) =>
      row.map((cell): Record<string, unknown> => {
        const place: CellPlace = { table, row: r, head: r < heads };
        return typeof cell === 'string' ? { text: cell, [CELL_PLACE]: place } : { ...cell, [CELL_PLACE]: place };
      }),
    );
  if (node.variant === 'plain') {
    return {
      table: { widths: [...widths], body: placed(rows, 0), ...(dontBreakRows ? { dontBreakRows } : {}) },
      layout: 'phaenGrid',
      ...(margin ? { margin } : {}),
    } as Content;
  }
  return {
    style: 'table',
    ...(fontSize !== undefined ? { fontSize } : {}),
    layout: 'phaenGrid',
    table: {
      headerRows: headRows.length,
      // The heads never end a page without a row under them, nor without the rows that keep with the next
      // from the first on (blocks.ts withKeptRows): pdfmake moves them over as one.
      keepWithHeaderRows: 1 + leadingKept(rows),
      dontBreakRows: true,
      widths: [...widths],
      body: placed([...headRows, ...rows], headRows.length),
    },
    ...(unbreakable ? { unbreakable } : {}),
  } as Content;
}

/**
 * Headings as the engine keeps and bookmarks them: never the last line of a page (keepWithNext), each a
 * bookmark (pdfmake's outline) under its chapter's or section's, named as the contents name it.
 */
function pdfHeading(heading: Heading): Content[] {
  const { level, number, title, id, parentId } = heading;
  const turn = {
    ...(heading.pageBreak ? { pageBreak: 'before' as const } : {}),
    ...(heading.orientation ? { pageOrientation: heading.orientation } : {}),
  };
  if (level === 1) {
    return [
      {
        text: number,
        style: title ? 'chapterNumber' : 'chapterTitle',
        ...(id ? { id } : {}),
        ...turn,
        outline: true,
        outlineText: title ? `${number} ${title}` : number,
      },
      ...(title ? [{ text: title, style: 'chapterTitle' }] : []),
    ] as Content[];
  }
  return [
    {
      text: number ? `${number} ${title}` : title,
      ...(id ? { id } : {}),
      style: level === 2 ? 'h2' : 'h3',
      keepWithNext: true,
      outline: true,
      outlineParentId: parentId,
      ...turn,
    } as Content,
  ];
}

/** The period in brackets ("(พ.ศ. 2566–2570)") on a line of its own, as covers set it, not broken inside. */
function coverTitle(title: string): string {
  return title.replace(/\s*(\((?:พ\.ศ\.|B\.E\.)[^)]*\))/, '\n$1');
}

/** The cover title's type: TH SarabunPSK 28 pt bold. */
const COVER_TITLE = { fontSize: thSarabun(28), bold: true };

/**
 * The width to set the cover title in so that its lines come out balanced: the narrowest at which no part of
 * it takes more lines than at the full width, so a centred title does not end in a short line ("ระยะ 5 ปี"
 * alone). The engine breaks the lines itself, where Thai allows; the text is not changed.
 */
function balancedWidth(title: string): number {
  // A point of slack: the engine measures with the font itself, this with its advance tables.
  return Math.max(
    ...title.split('\n').map((part) => {
      const count = wrapText(part, CONTENT_WIDTH - 1, COVER_TITLE).length;
      if (count < 2) return Math.min(CONTENT_WIDTH, textWidth(part, COVER_TITLE) + 1);
      return narrowestWidth(part, count, COVER_TITLE) + 1;
    }),
  );
}

function cover(node: Cover): Content[] {
  const rule = (width: number): ContentCanvas => ({
    canvas: [
      {
        type: 'line',
        x1: (CONTENT_WIDTH - width) / 2,
        y1: 0,
        x2: (CONTENT_WIDTH + width) / 2,
        y2: 0,
        lineWidth: 1.2,
        lineColor: '#1f4e8c',
      },
    ],
    margin: [0, 14, 0, 14],
  });
  const side = (CONTENT_WIDTH - balancedWidth(coverTitle(node.title))) / 2;
  return [
    { ...rule(260), margin: [0, 190, 0, 18] },
    {
      text: coverTitle(node.title),
      ...COVER_TITLE,
      alignment: 'center',
      lineHeight: 1.1,
      margin: [side, 0, side, 8],
    },
    ...(node.period === undefined
      ? []
      : [{ text: node.period, fontSize: thSarabun(24), bold: true, alignment: 'center' as const }]),
    rule(260),
    {
      stack: [
        { text: node.organisation, fontSize: thSarabun(20), bold: true },
        { text: node.date, fontSize: thSarabun(18), margin: [0, 6, 0, 0] },
      ],
      alignment: 'center',
      margin: [0, 200, 0, 0],
    },
  ];
}

/** Room right of every contents line for its page number, which hangs in it on the entry's last line. */
const PAGE_ROOM = 34;
/** Between an entry's number and its text. */
const NUMBER_GAP = 8;

/** The size the page number is laid out at (the engine draws it at the body size): see entryText. */
const NUMBER_LAYOUT_SIZE = 0.1;

/**
 * An entry's text, then its page number on its last line after a dot leader (the engine's `leader`:
 * services/pdf/engine/pageLabels.ts), hung in the room kept free right of the text. The number is laid out
 * tiny, so that it never pushes the text's last word, or itself, to a line of its own; the engine draws it
 * at the body size in that room. The space before it is where a full line may break: the number then
 * starts a line of its own, with the leader from the indent, and its line height scaled back to the
 * text's keeps that line as tall as a line of text, so it is not drawn over the next entry's first line.
 */
function entryText(text: string, id: string): Content {
  const leader: Leader = { room: PAGE_ROOM, fontSize: BODY_SIZE };
  const lineHeight = BODY_STYLE.lineHeight;
  return {
    width: '*',
    text: [
      { text: `${text} `, linkToDestination: id },
      {
        text: '',
        pageReference: id,
        leader,
        fontSize: NUMBER_LAYOUT_SIZE,
        lineHeight: (lineHeight * BODY_SIZE) / NUMBER_LAYOUT_SIZE,
        noWrap: true,
      },
    ],
    lineHeight,
    margin: [0, 0, PAGE_ROOM, 0],
  } as Content;
}

/**
 * The width of the widest of `numbers` as printed (bold for chapter lines), so that a column of numbers
 * never wraps one of them (๔.๑๐ as ๔.๑ / ๐) and the texts beside them start in one line.
 */
function numberWidth(numbers: readonly string[], bold: boolean, thaiDigits: boolean): number {
  const widths = numbers.map((number) =>
    textWidth(thaiDigits ? toThaiDigits(number) : number, { fontSize: BODY_SIZE, bold }),
  );
  return Math.ceil(Math.max(0, ...widths)) + NUMBER_GAP;
}

/**
 * The table of contents as Word sets it with a tab leader: each entry's number in a column of its own,
 * the text beside it with its wrapped lines indented under the text (not under the number), and the page
 * number at the right margin on the entry's last line after a row of dots (the engine's leader, set on the
 * page reference: services/pdf/engine/pageLabels.ts). Chapter lines bold; sections indented under their
 * chapter's title; front matter (foreword, lists) without a number.
 */
function contents({ title, pageHead, entries }: Contents, thaiDigits: boolean): Content[] {
  const numbered = (level: 0 | 1, annex: boolean) =>
    entries.filter((e) => e.level === level && e.title !== '' && e.number !== '' && Boolean(e.annex) === annex);
  const widths = {
    chapter: numberWidth(
      numbered(0, false).map((e) => e.number),
      true,
      thaiDigits,
    ),
    section: numberWidth(
      numbered(1, false).map((e) => e.number),
      false,
      thaiDigits,
    ),
    annex: numberWidth(
      numbered(1, true).map((e) => e.number),
      false,
      thaiDigits,
    ),
  };
  const line = (entry: TocEntry): Content => {
    const bold = entry.level === 0;
    const text = entry.title === '' ? entry.number : entry.title;
    const hasNumber = entry.number !== '' && entry.title !== '';
    const width = entry.level === 0 ? widths.chapter : entry.annex ? widths.annex : widths.section;
    return {
      columns: [
        ...(entry.level === 1 ? [{ width: widths.chapter, text: '' }] : []),
        ...(hasNumber ? [{ width, text: entry.number, noWrap: true, linkToDestination: entry.id }] : []),
        entryText(text, entry.id),
      ],
      columnGap: 0,
      bold,
      margin: [0, entry.level === 0 ? 6 : 0, 0, 0],
    } as Content;
  };
  return [
    // Bookmarked as the chapters are, so a reader finds the front matter from the viewer's panel.
    { text: title, style: 'chapterTitle', pageBreak: 'before', outline: true },
    { text: pageHead, alignment: 'right', bold: true },
    ...keptTogether(entries, line),
  ];
}

/**
 * Contents paginated as the body is: an entry's wrapped lines and its page number stay on one page (no widow
 * or orphan line), and a chapter's line goes over the page with its first section rather than end a page.
 */
function keptTogether(entries: readonly TocEntry[], line: (entry: TocEntry) => Content): Content[] {
  const out: Content[] = [];
  entries.forEach((entry, i) => {
    if (i > 0 && entry.level === 1 && entries[i - 1]!.level === 0) return;
    const next = entries[i + 1];
    const lines = entry.level === 0 && next?.level === 1 ? [line(entry), line(next)] : [line(entry)];
    out.push({ stack: lines, unbreakable: true } as Content);
  });
  return out;
}

/**
 * A list of tables or of figures (สารบัญตาราง, สารบัญแผนภาพ), on a page of its own after the contents, set
 * as the contents are: label, caption, leader, page.
 */
function captionList({ id, title, pageHead, items }: CaptionList, thaiDigits: boolean): Content[] {
  const labelWidth = numberWidth(
    items.map((c) => c.label),
    false,
    thaiDigits,
  );
  return [
    { text: title, style: 'chapterTitle', pageBreak: 'before', id, outline: true },
    { text: pageHead, alignment: 'right', bold: true },
    // Each item whole on its page, as the contents' entries are.
    ...items.map(
      (c): Content =>
        ({
          columns: [
            { width: labelWidth, text: c.label, noWrap: true, linkToDestination: c.id },
            entryText(c.title, c.id),
          ],
          columnGap: 0,
          unbreakable: true,
        }) as Content,
    ),
  ];
}
