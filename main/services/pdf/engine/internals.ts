/**
 * Typed access to the pdfmake 0.3 internals the Thai engine replaces or wraps. pdfmake has no extension point
 * for line breaking, so the engine swaps a few prototype methods; they are named here, once, with the shapes
 * it relies on, and `assertInternals` fails loudly if an upgrade renamed any of them.
 *
 * The CommonJS build (pdfmake/js) is what pdfmake's own entry loads, so these are the very classes its
 * Printer uses.
 */
import { createRequire } from 'node:module';
import type { NodeStartPosition } from 'pdfmake/interfaces';

// Not named `require`: electron-vite's ESM output declares its own.
const requireCjs = createRequire(import.meta.url);

/** pdfkit's embedded font (pdfkit/js/pdfkit.js EmbeddedFont), the parts the engine uses. */
export interface PdfKitFont {
  /** The parsed font file (fonts.ts shareParsedFont may put another parse of the same file here). */
  font: FontkitFont;
  /** fontkit's subset: `glyphs[cid]` is the font glyph a CID draws; `mapping` its first CID per glyph. */
  subset: FontkitSubset;
  /** Per CID, the text it stands for (the ToUnicode CMap) and its advance (the /W array). */
  readonly unicode: (number[] | undefined)[];
  readonly widths: (number | undefined)[];
  /** 1000 / unitsPerEm: glyph units to the PDF's 1/1000 em. */
  readonly scale: number;
  readonly name: string;
  readonly id: string;
  /** Shaped runs by text (shared by fonts.ts shareLayoutCache); pdfkit's layoutCached() fills it. */
  layoutCache?: Record<string, unknown>;
  readonly layoutCached?: unknown;
  layout(
    text: string,
    features?: unknown,
    onlyWidth?: boolean,
  ): { glyphs: FontkitGlyph[]; positions?: GlyphPosition[]; advanceWidth?: number };
  encode(text: string, features?: unknown): [string[], unknown[]];
  widthOfString(text: string, size: number, features?: unknown): number;
  lineHeight(size: number): number;
  readonly ascender: number;
}

/** A glyph's placement as pdfkit keeps it, in 1/1000 em. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

export interface FontkitGlyph {
  readonly id: number;
  readonly codePoints: number[];
  readonly advanceWidth: number;
  readonly name?: string;
}

/** A run as fontkit shapes it (its GlyphRun): placements in font units, which pdfkit scales in place. */
export interface FontkitRun {
  readonly glyphs: FontkitGlyph[];
  readonly positions: FontkitPosition[];
  /** The sum of the x advances, whatever they are by then. */
  readonly advanceWidth: number;
}

export interface FontkitPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface FontkitSubset {
  includeGlyph(glyphId: number): number;
  glyphs: number[];
  mapping: Record<number, number>;
}

export interface FontkitFont {
  readonly postscriptName: string;
  /** The file's head table; its checksum adjustment tells two files apart (as pdfkit's isEqualFont does). */
  readonly head?: { readonly checkSumAdjustment?: number };
  /** The bytes of the font file it was parsed from (shaping.ts gives them to HarfBuzz). */
  readonly stream: { readonly buffer: Uint8Array };
  createSubset(): FontkitSubset;
  /** The glyph object of an id: made at its first use with the code points given, the same object after. */
  getGlyph(glyphId: number, codePoints?: number[]): FontkitGlyph;
  layout(text: string, features?: unknown): FontkitRun;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  readonly characterSet: number[];
}

/** One measured piece of text on a line (pdfmake's "inline"). */
export interface Inline {
  text: string;
  width: number;
  x?: number;
  leadingCut?: number;
  trailingCut?: number;
  noNewLine?: boolean;
  lineEnd?: boolean;
  noWrap?: boolean | null;
  alignment?: string;
  fontSize: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
  font: PdfKitFont;
  justifyShift?: number;
  /** Extra space between the grapheme clusters of this inline, in points (Thai justification). */
  clusterSpacing?: number;
  _pageNodeRef?: PageNodeRef;
  [style: string]: unknown;
}

export interface PageNodeRef {
  positions?: { pageNumber: number }[];
}

export interface Line {
  readonly maxWidth: number;
  inlines: Inline[];
  inlineWidths: number;
  leadingCut: number;
  trailingCut: number;
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  x?: number;
  _pageNodeRef?: PageNodeRef;
  /** Stamped by the engine's line builder: which paragraph, and the order lines were built in. */
  paragraph?: number;
  seq?: number;
  /** Stamped by pagination.ts on text in the page's flow: the text node's number in this layout, the line's in it. */
  leaf?: number;
  index?: number;
  /** Stamped by pagination.ts on the lines of a table row in the page's flow: the row's number in this layout. */
  row?: number;
  /**
   * Stamped by typeset.ts on the lines of a block pdfmake places whole (a table's heads with the rows kept with
   * them, a row, a stack kept together): the block's number in this layout.
   */
  block?: number;
  addInline(inline: Inline): void;
  clone(): Line;
  getWidth(): number;
  getAvailableWidth(): number;
  getHeight(): number;
}

export interface LineConstructor {
  new (maxWidth: number): Line;
}

export interface TextNode {
  _inlines?: Inline[];
}

/** pdfmake's DocumentContext: where the next item goes on the page being filled. */
interface DocumentContext {
  availableWidth: number;
  availableHeight: number;
  y: number;
  readonly pages: PdfPage[];
  readonly pageMargins: { top: number; bottom: number };
  /** Column groups and table rows open around the current position. */
  readonly snapshots: unknown[];
  /** The page being filled (0-based). */
  readonly page: number;
  getCurrentPage(): { pageSize: { height: number } };
  moveDown(offset: number): boolean;
}

/** A node of the document as pdfmake lays it out (the parts the engine reads). */
interface LayoutNode extends TextNode {
  _margin?: [number, number, number, number] | null;
  pageBreak?: string;
  pageOrientation?: string;
  maxHeight?: number;
}

/** A node as pdfmake laid it out (its linear list of nodes): where it went, and what the engine asks of it. */
export interface LaidOutNode {
  readonly text?: unknown;
  readonly listMarker?: unknown;
  readonly headlineLevel?: number;
  readonly pageBreak?: string;
  readonly _margin?: readonly [number, number, number, number] | null;
  readonly positions: readonly (NodeStartPosition & { pageNumber: number })[];
}

/** The LayoutBuilder instance its methods run on. */
export interface LayoutBuilderThis {
  writer: {
    context(): DocumentContext;
    transactionLevel: number;
    moveToNextPage(pageOrientation?: string): void;
  };
  /** Depth of tables being laid out. */
  nestedLevel?: number;
  buildNextLine(textNode: TextNode): Line | null;
}

export interface LayoutBuilderPrototype {
  buildNextLine(this: { writer: { context(): { availableWidth: number } } }, textNode: TextNode): Line | null;
  /** Runs once the body of every page is laid out, before header and footer are added to each. */
  addHeadersAndFooters(
    this: {
      writer: { context(): { pages: PdfPage[] } };
      /** Nodes by id, each with the positions it was laid out at (page references, the body's first page). */
      docPreprocessor: { nodeReferences: Record<string, { _nodeRef: PageNodeRef } | undefined> };
      /** The nodes laid out so far, in order: the body's, by now. */
      linearNodeList: LaidOutNode[];
    },
    header: unknown,
    footer: unknown,
  ): void;
  /** Places a text node's lines (built by buildNextLine) on the pages. */
  processLeaf(this: LayoutBuilderThis, node: LayoutNode): void;
  /** Lays out any node between its margins. */
  processNode(this: LayoutBuilderThis, node: LayoutNode, ...rest: unknown[]): void;
  /** Lays out a numbered (`ol`) or bulleted (`ul`) list: each item a node under its marker. */
  processList(this: LayoutBuilderThis, ordered: boolean, node: ListNode): void;
}

/** A list node as pdfmake lays it out: its items. */
export interface ListNode {
  readonly ol?: readonly ListItem[];
  readonly ul?: readonly ListItem[];
}

/** A list item: a text node when the item was a string, any node otherwise. */
export type ListItem = LayoutNode & { readonly text?: unknown };

/** pdfmake's DocMeasure: measures each node before a layout places it. */
export interface DocMeasurePrototype {
  /** Cuts a text node into words and measures them: sets its _inlines, _minWidth and _maxWidth. */
  measureLeaf(
    this: {
      styleStack: { readonly styleOverrides: readonly (string | object)[]; getProperty(property: string): unknown };
      pdfDocument: PdfKitDocument;
    },
    node: TextNode & { text?: unknown; _textRef?: unknown; _pageRef?: unknown; _minWidth?: number; _maxWidth?: number },
  ): unknown;
}

/** pdfmake's SVGMeasure: reads an SVG's size and writes the size it is drawn at, each by parsing the XML. */
export interface SvgSize {
  width?: number;
  height?: number;
}
export interface SvgMeasurePrototype {
  measureSVG(svg: unknown): SvgSize;
  writeDimensions(svg: unknown, dimensions: SvgSize): unknown;
}

export interface ElementWriterPrototype {
  alignLine(this: { context(): { availableWidth: number } }, line: Line): void;
}

/** Items TextBreaker receives: plain strings or text objects carrying their own style. */
export type BreakerItem = string | { text?: unknown; _textRef?: { _textNodeRef: { text?: unknown } } };

/** A StyleContextStack's fields (pdfmake 0.3), which styleLookup.ts reads in place of its allocating getProperty. */
export interface StyleContextStackState {
  /** Named styles; a style may extend others by name. */
  readonly styleDictionary: Record<string, (Record<string, unknown> & { extends?: unknown }) | undefined>;
  readonly defaultStyle?: Record<string, unknown> | null;
  /** Style names and override objects, the innermost last. */
  readonly styleOverrides: readonly unknown[];
}

export interface StyleContextStackClass {
  getStyleProperty(item: object, stack: unknown, property: string, defaultValue: unknown): unknown;
  copyStyle(source?: object | null, destination?: object): Record<string, unknown>;
}

export interface TextBreakerPrototype {
  getBreaks(texts: BreakerItem | BreakerItem[], styleContextStack: unknown): Record<string | symbol, unknown>[];
}

export interface PdfPage {
  /** Lines, and for an svg or image item its placed box (`height`). */
  items: { type: string; item: Line & { x: number; y: number; height?: number } }[];
  readonly pageSize: { readonly height: number };
  readonly pageMargins: { readonly top: number; readonly bottom: number };
}

/** The writer a table processor is given (pdfmake's PageElementWriter). */
interface PageWriter {
  context(): DocumentContext;
  transactionLevel: number;
  moveToNextPage(pageOrientation?: string): void;
}

/** pdfmake's TableProcessor: begins and ends each row of a table being laid out. */
interface TableProcessorPrototype {
  beginRow(
    this: { dontBreakRows: boolean; tableNode: { table: { body: ({ keepWithNext?: unknown } | null)[][] } } },
    rowIndex: number,
    writer: PageWriter,
  ): void;
  endRow(this: { dontBreakRows: boolean }, rowIndex: number, writer: PageWriter, pageBreaks: unknown): void;
}

export interface PageElementWriterPrototype {
  addLine(line: Line, ...rest: unknown[]): unknown;
  /** Goes on on the next page (a new one, or one a table's cell already reached), repeating table heads there. */
  moveToNextPage(this: { transactionLevel: number; context(): DocumentContext }, pageOrientation?: string): void;
  addFragment(fragment: unknown, useBlockXOffset?: boolean, ...rest: unknown[]): boolean;
  commitUnbreakableBlock(
    this: { transactionLevel: number; context(): { pages: PdfPage[]; y: number } },
    forcedX?: number,
    forcedY?: number,
  ): void;
}

export interface SvgNode {
  svg: string | object;
  [key: string]: unknown;
}

export interface RendererPrototype {
  renderSVG(this: { pdfDocument: PdfKitDocument }, svg: SvgNode): void;
  renderPages(this: { pdfDocument: PdfKitDocument }, pages: PdfPage[]): void;
  renderLine(this: { pdfDocument: PdfKitDocument }, line: Line, x: number, y: number): void;
}

export interface PdfKitDocument extends PdfKitContent {
  on(event: 'pageAdded' | 'end', listener: () => void): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  removeListener(event: 'pageAdded', listener: () => void): void;
  provideFont(family: string, bold: boolean, italics: boolean): PdfKitFont;
  _pdfMakePages?: PdfPage[];
  /** pdfkit's document catalog and indirect objects (page labels are written into the catalog). */
  _root: { data: Record<string, unknown> };
  ref(data: Record<string, unknown>): { end(): void };
  end(): void;
}

export interface PdfKitDocumentClass {
  prototype: {
    provideFont(family: string, bold: boolean, italics: boolean): PdfKitFont;
    /** pdfkit's font(), inherited; SVG text selects its font through it. */
    font(this: { _font?: PdfKitFont }, ...args: unknown[]): unknown;
    /** pdfkit's drawing of one run of text (one BT … ET), inherited; every text line of pdfmake ends here. */
    _fragment(this: PdfKitContent, text: string, x: number, y: number, options: unknown): void;
  };
}

/** Raw content-stream output of a pdfkit document. */
export interface PdfKitContent {
  addContent(data: string): unknown;
}

export interface PrinterInstance {
  createPdfKitDocument(doc: unknown, options: Record<string, unknown>): Promise<PdfKitDocument>;
}

export interface PrinterClass {
  new (
    fonts: Record<string, Record<string, string>>,
    virtualfs: unknown,
    urlResolver: unknown,
    localAccessPolicy?: (path: string) => boolean,
  ): PrinterInstance;
}

export interface UrlResolverClass {
  new (virtualfs: unknown): { setUrlAccessPolicy(policy: (url: string) => boolean): void };
}

export interface LineBreakerClass {
  new (text: string): { nextBreak(): { position: number; required: boolean } | null };
}

interface Module<T> {
  default: T;
}

const load = <T>(path: string): T => (requireCjs(path) as Module<T>).default;

export const pdfmake = {
  Printer: load<PrinterClass>('pdfmake/js/Printer.js'),
  UrlResolver: load<UrlResolverClass>('pdfmake/js/URLResolver.js'),
  virtualfs: load<unknown>('pdfmake/js/virtual-fs.js'),
  PDFDocument: load<PdfKitDocumentClass>('pdfmake/js/PDFDocument.js'),
  Line: load<LineConstructor>('pdfmake/js/Line.js'),
  StyleContextStack: load<StyleContextStackClass>('pdfmake/js/StyleContextStack.js'),
  TextBreaker: load<{ prototype: TextBreakerPrototype }>('pdfmake/js/TextBreaker.js'),
  LayoutBuilder: load<{ prototype: LayoutBuilderPrototype }>('pdfmake/js/LayoutBuilder.js'),
  DocMeasure: load<{ prototype: DocMeasurePrototype }>('pdfmake/js/DocMeasure.js'),
  SVGMeasure: load<{ prototype: SvgMeasurePrototype }>('pdfmake/js/SVGMeasure.js'),
  ElementWriter: load<{ prototype: ElementWriterPrototype }>('pdfmake/js/ElementWriter.js'),
  PageElementWriter: load<{ prototype: PageElementWriterPrototype }>('pdfmake/js/PageElementWriter.js'),
  TableProcessor: load<{ prototype: TableProcessorPrototype }>('pdfmake/js/TableProcessor.js'),
  Renderer: load<{ prototype: RendererPrototype }>('pdfmake/js/Renderer.js'),
};

export const LineBreaker = requireCjs('linebreak') as LineBreakerClass;

/** pdfkit's indirect object (PDFReference): the parts pdfOutput.ts wraps. */
export interface PdfKitReference {
  write(chunk: unknown): void;
  finalize(): void;
}

/** pdfkit's prototypes that pdfmake does not name: its PDFReference, and the document's stream output. */
export const pdfkit = {
  /** pdfkit exports only its document; a reference made by ref() on a bare object gives the class. */
  referencePrototype(): PdfKitReference {
    const ref = (pdfmake.PDFDocument.prototype as unknown as { ref(this: object, data: object): object }).ref.call(
      { _offsets: [], _waiting: 0, compress: false },
      {},
    );
    return Object.getPrototypeOf(ref) as PdfKitReference;
  },
  documentPrototype(): { _write(data: unknown): void; push(chunk: unknown, encoding?: BufferEncoding): boolean } {
    return pdfmake.PDFDocument.prototype as unknown as ReturnType<typeof pdfkit.documentPrototype>;
  },
};

/** fontkit as pdfkit loads it (from pdfkit's own place): create() parses a font file as pdfkit's fonts do. */
export const fontkit = createRequire(createRequire(requireCjs.resolve('pdfmake/js/PDFDocument.js')).resolve('pdfkit'))(
  'fontkit',
) as { create(data: Uint8Array): FontkitFont };

/** The methods the engine replaces must exist with the arity it was written against (pdfmake 0.3.11). */
export function assertInternals(): void {
  const expected: [string, unknown, number][] = [
    ['TextBreaker.getBreaks', pdfmake.TextBreaker.prototype.getBreaks, 2],
    ['StyleContextStack.getStyleProperty', pdfmake.StyleContextStack.getStyleProperty, 4],
    ['LayoutBuilder.buildNextLine', pdfmake.LayoutBuilder.prototype.buildNextLine, 1],
    ['LayoutBuilder.addHeadersAndFooters', pdfmake.LayoutBuilder.prototype.addHeadersAndFooters, 2],
    ['LayoutBuilder.processLeaf', pdfmake.LayoutBuilder.prototype.processLeaf, 1],
    ['LayoutBuilder.processNode', pdfmake.LayoutBuilder.prototype.processNode, 1],
    ['LayoutBuilder.processList', pdfmake.LayoutBuilder.prototype.processList, 2],
    ['DocMeasure.measureLeaf', pdfmake.DocMeasure.prototype.measureLeaf, 1],
    ['SVGMeasure.measureSVG', pdfmake.SVGMeasure.prototype.measureSVG, 1],
    ['SVGMeasure.writeDimensions', pdfmake.SVGMeasure.prototype.writeDimensions, 2],
    ['ElementWriter.alignLine', pdfmake.ElementWriter.prototype.alignLine, 1],
    ['PageElementWriter.commitUnbreakableBlock', pdfmake.PageElementWriter.prototype.commitUnbreakableBlock, 2],
    ['PageElementWriter.addFragment', pdfmake.PageElementWriter.prototype.addFragment, 4],
    ['PageElementWriter.addLine', pdfmake.PageElementWriter.prototype.addLine, 3],
    ['PageElementWriter.moveToNextPage', pdfmake.PageElementWriter.prototype.moveToNextPage, 1],
    ['TableProcessor.beginRow', pdfmake.TableProcessor.prototype.beginRow, 2],
    ['TableProcessor.endRow', pdfmake.TableProcessor.prototype.endRow, 3],
    ['Renderer.renderPages', pdfmake.Renderer.prototype.renderPages, 1],
    ['Renderer.renderLine', pdfmake.Renderer.prototype.renderLine, 3],
    ['Renderer.renderSVG', pdfmake.Renderer.prototype.renderSVG, 1],
    ['PDFDocument.provideFont', pdfmake.PDFDocument.prototype.provideFont, 3],
    ['PDFDocument.font', pdfmake.PDFDocument.prototype.font, 3],
    ['PDFDocument._fragment', pdfmake.PDFDocument.prototype._fragment, 4],
    ['PDFDocument._write', pdfkit.documentPrototype()._write, 1],
    ['PDFReference.write', pdfkit.referencePrototype().write, 1],
    ['PDFReference.finalize', pdfkit.referencePrototype().finalize, 0],
  ];
  for (const [name, fn, arity] of expected) {
    if (typeof fn !== 'function' || fn.length !== arity) {
      throw new Error(`pdfmake internals changed: ${name} is not a function of ${arity} arguments`);
    }
  }
}
