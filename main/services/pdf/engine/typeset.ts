/**
 * The Thai typesetting engine in one call: pdfmake with Thai line breaking, script runs, grapheme-safe hard
 * wraps, space-first justification, text that every reader extracts as typed (fonts.ts, actualText.ts),
 * Sarabun, and page numbers in Thai or Arabic digits. Synchronous work of a second or more for a long plan: run it in a worker (engine/worker.ts).
 *
 * pdfmake has no hooks for any of this, so `installEngine` replaces a few of its prototype methods
 * (listed in internals.ts) for the whole thread. One render per thread at a time: the page-number settings
 * are per render and the renderer reads them from here.
 */
import { dirname } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { installThaiLexicon } from '../../thaiLexicon.ts';
import { type FontText, withActualText, withSvgActualText } from './actualText.ts';
import { drawTaggedFigure, drawTaggedLine } from './tagging.ts';
import {
  type DrawPlan,
  type LayoutCaches,
  type ParsedFonts,
  parseFontsAhead,
  renderFonts,
  drawPlanned,
  drawSvg,
  prepareFont,
  shareLayoutCache,
  shareParsedFont,
  svgWithGlyphPlacement,
} from './fonts.ts';
import { defaultFontsDir, sarabunFonts } from './fontFiles.ts';
import { type LaidOutNode, type Line, type PdfPage, assertInternals, pdfmake } from './internals.ts';
import { alignLine, buildNextLine } from './lineBuilder.ts';
import {
  type LaidOutBody,
  type StrandedHeading,
  breakBefore,
  headingTexts,
  numberHeadings,
  inFlowNeeds,
  orphanedHeadings,
  strandedHeadingNeeds,
} from './keepWithNext.ts';
import { joinInlines } from './lineRender.ts';
import { installTextOutput } from './pdfOutput.ts';
import { type MeasureCache, NODE_ID, installMeasureCache, newMeasureCache } from './measureCache.ts';
import { installSvgRoot } from './svgRoot.ts';
import {
  type ForcedBreak,
  type PaginationLayout,
  beginLayout,
  endLayout,
  installPagination,
  pageBreakFixes,
} from './pagination.ts';
import type { PageNumbering } from '../../../core/pdf/pageNumbers.ts';
import { PageLabels, pageReferenceOf, setPageNumber, writePageLabels } from './pageLabels.ts';
import { cleanDocument, isPlainObject, prepareDocument } from './prepare.ts';
import { TABLE_LAYOUTS } from './tableLayouts.ts';
import { limitHeapGrowthFor } from './heapGrowth.ts';
import { cachedStyleProperty, getBreaks } from './textBreaker.ts';

export interface EngineSettings extends PageNumbering {
  readonly fontsDir?: string;
  /** Words users added to the shipped lexicon (services/thaiLexicon.ts), for Thai line breaking. */
  readonly userWords?: readonly string[];
  /** Return the laid-out lines too (tests check every line break). */
  readonly recordLines?: boolean;
}

/** One line as laid out and drawn, for verification. */
export interface LaidOutLine {
  /** 1-based physical page. */
  readonly page: number;
  readonly x: number;
  readonly y: number;
  /** Width of the text, without the trailing space, and the width the line had to fit in. */
  readonly width: number;
  readonly maxWidth: number;
  /** Lines of one paragraph (text node) share this number; `seq` orders them. */
  readonly paragraph: number;
  readonly seq: number;
  readonly lastInParagraph: boolean;
  /** The line ends at a newline in the text (not a wrap). */
  readonly forcedEnd: boolean;
  /** Its paragraph is set justified (both edges straight but its last line). */
  readonly justified: boolean;
  readonly text: string;
  /** The inlines drawn: x from the line start, width including `trailingCut`, the trailing space's width. */
  readonly pieces: readonly {
    text: string;
    font: string;
    fontSize: number;
    x: number;
    width: number;
    trailingCut: number;
    /** Extra space between its grapheme clusters (justified Thai). */
    clusterSpacing: number;
  }[];
}

export interface TypesetResult {
  readonly pdf: Uint8Array;
  readonly lines: LaidOutLine[] | null;
  /** How many times the document was laid out to settle its pages (the largest part of a render's cost). */
  readonly layouts: number;
}

type Progress = (done: number, total: number) => void;

interface Job {
  /** Page labels of this layout; the body's first page is found once its pages are laid out. */
  labels: PageLabels;
  onProgress: Progress;
  overflow: boolean;
  /** The pages' bodies as last laid out (keepWithNext.ts). */
  bodies: LaidOutBody[];
  /** The headings found at a page foot (keepWithNext.ts). */
  stranded: StrandedHeading[];
  /** pdfmake's list of the nodes it laid out (keepWithNext.ts inFlowNeeds). */
  laidOut: readonly LaidOutNode[];
  /** What pagination.ts recorded of this layout. */
  paging: PaginationLayout;
  /**
   * Asked once the pages' bodies are laid out, before their running heads and their drawing: whether they are
   * final. Layouts that typeset will redo (a block overflowed, a heading must move) are not drawn, which is
   * half the cost of a layout.
   */
  isFinal: (job: Job) => boolean;
  /** What isFinal said of this layout. */
  final: boolean;
  /** Set when isFinal said yes and the pages were drawn: this layout is the render's result. */
  drawn: boolean;
  /** Parsed font files and shaped text shared by all the layouts of one render (fonts.ts). */
  parsedFonts: ParsedFonts;
  layoutCaches: LayoutCaches;
  /** Text nodes as measured by the first layout, for the later ones (measureCache.ts). */
  measures: MeasureCache;
  /** Blocks placed whole so far in this layout, to number the next (Line.block). */
  blocks: number;
}

let current: Job | null = null;

/** The fonts each pdfkit document selected, by resource name (SVG text's ActualText reads their CIDs). */
const documentFonts = new WeakMap<object, Map<string, FontText>>();

function fontsOf(doc: object): Map<string, FontText> {
  const fonts = documentFonts.get(doc) ?? new Map<string, FontText>();
  documentFonts.set(doc, fonts);
  return fonts;
}

/**
 * Layouts at most after the first: to move headings to the next page (each move can push later headings to
 * a page foot), keep rows together and fill near-empty pages (pagination.ts), which can strand a heading
 * again. Table captions are kept with their tables the same way. Every heading keeps its room in flow from the second
 * layout on (keepWithNext.ts inFlowNeeds), so the sample plan settles in 2 layouts in all, the large generated
 * plan in 4 or 5, by digit set; the rest is a guard.
 */
const EXTRA_LAYOUTS = 8;
let installed = false;

function installEngine(): void {
  if (installed) return;
  assertInternals();
  pdfmake.TextBreaker.prototype.getBreaks = getBreaks;
  pdfmake.StyleContextStack.getStyleProperty = cachedStyleProperty(pdfmake.StyleContextStack.getStyleProperty);
  pdfmake.LayoutBuilder.prototype.buildNextLine = buildNextLine;
  pdfmake.ElementWriter.prototype.alignLine = alignLine;
  installSvgRoot(); // charts' sizes read from their root tag (svgRoot.ts)
  installMeasureCache(() => current?.measures ?? null);
  installPagination(); // widows, orphans and blank pages (pagination.ts), over the line builder above
  installTextOutput(); // pdfkit's output in fewer Buffers (pdfOutput.ts)

  // pdfmake silently drops text of an unbreakable block (a `dontBreakRows` row, an `unbreakable` stack)
  // that does not fit on a fresh page: it keeps only the block's first page, or nothing when the block
  // is a little less than a page but more than a page minus the table's reserve. Note it; typeset then
  // lays out again without keeping blocks together. Each block's lines are numbered, so that a moved heading's
  // need (keepWithNext.ts) takes whole the block it ends in, as pdfmake will place it.
  const commit = pdfmake.PageElementWriter.prototype.commitUnbreakableBlock;
  pdfmake.PageElementWriter.prototype.commitUnbreakableBlock = function (forcedX, forcedY) {
    const outermost = this.transactionLevel === 1 && forcedX === undefined && forcedY === undefined;
    if (outermost && current) {
      const pages = this.context().pages;
      if (pages.length > 1) current.overflow = true;
      const block = ++current.blocks;
      for (const { type, item } of pages[0]?.items ?? []) if (type === 'line') item.block = block;
    }
    commit.call(this, forcedX, forcedY);
  };
  const addFragment = pdfmake.PageElementWriter.prototype.addFragment;
  pdfmake.PageElementWriter.prototype.addFragment = function (fragment, useBlockXOffset, ...rest) {
    const added = addFragment.call(this, fragment, useBlockXOffset, ...rest);
    if (!added && !useBlockXOffset && current) current.overflow = true;
    return added;
  };

  // Once every page's body is laid out, and before the running heads and page numbers are: whether this
  // layout is final, from its bodies and the headings they leave at a page foot (keepWithNext.ts). Those of a
  // layout typeset will redo are not laid out (some 3 % of the sample plan's render), nor are its pages drawn.
  const addHeadersAndFooters = pdfmake.LayoutBuilder.prototype.addHeadersAndFooters;
  pdfmake.LayoutBuilder.prototype.addHeadersAndFooters = function (header, footer) {
    const job = current;
    if (job) {
      job.bodies = this.writer.context().pages.map((page) => ({ page, count: page.items.length }));
      const references = this.docPreprocessor.nodeReferences;
      job.labels.resolveBody((id) => references[id]?._nodeRef.positions?.[0]?.pageNumber);
      job.stranded = orphanedHeadings(this.linearNodeList, job.bodies);
      job.laidOut = this.linearNodeList;
      job.final = job.isFinal(job);
      if (!job.final) return;
    }
    addHeadersAndFooters.call(this, header, footer);
  };

  // Every font pdfkit selects, for text (pdfmake's provideFont) and for SVG text alike, goes through font().
  const font = pdfmake.PDFDocument.prototype.font;
  pdfmake.PDFDocument.prototype.font = function (...args) {
    const result = font.apply(this, args);
    if (this._font) {
      if (current) shareParsedFont(this._font, current.parsedFonts);
      prepareFont(this._font);
      fontsOf(this).set(this._font.id, this._font);
      if (current) shareLayoutCache(this._font, current.layoutCaches);
    }
    return result;
  };

  // Every run of text (pdfmake's lines, one _fragment per inline) with its text as ActualText for poppler.
  const fragment = pdfmake.PDFDocument.prototype._fragment;
  pdfmake.PDFDocument.prototype._fragment = function (text, x, y, options) {
    withActualText(this, text, () => fragment.call(this, text, x, y, options));
  };

  const renderPages = pdfmake.Renderer.prototype.renderPages;
  pdfmake.Renderer.prototype.renderPages = function (pages) {
    const job = current;
    if (job) {
      if (!job.final) return;
      job.drawn = true;
    }
    let done = 0;
    const onPage = () => job?.onProgress(done++, pages.length);
    this.pdfDocument.on('pageAdded', onPage);
    try {
      renderPages.call(this, pages);
    } finally {
      this.pdfDocument.removeListener('pageAdded', onPage);
    }
    job?.onProgress(pages.length, pages.length);
  };

  // Page references (table of contents) in the chosen digits and counted from the first numbered page.
  const renderLine = pdfmake.Renderer.prototype.renderLine;
  pdfmake.Renderer.prototype.renderLine = function (line, x, y) {
    const labels = current?.labels;
    if (labels) {
      if (line._pageNodeRef && line.inlines[0]) setPageNumber(line, line.inlines[0], line._pageNodeRef, labels);
      delete line._pageNodeRef;
      for (const inline of [...line.inlines]) {
        const ref = pageReferenceOf(inline);
        if (ref) setPageNumber(line, inline, ref, labels);
        delete inline._pageNodeRef;
      }
    }
    // Look-alike inlines drawn as one text object (lineRender.ts), justified Thai spread between grapheme
    // clusters (lineBuilder.ts): both through the font's draw plans (fonts.ts).
    const joins = joinInlines(line.inlines);
    const drawn = joins.length === line.inlines.length ? line : line.clone();
    if (drawn !== line) drawn.inlines = joins.map((j) => j.inline);
    const planned: DrawPlan[] = [];
    for (const { inline, parts } of joins) {
      if (parts.length === 1 && !parts[0]?.clusterSpacing) continue;
      const em = 1000 / inline.fontSize;
      planned.push({
        font: inline.font,
        text: inline.text,
        parts: parts.map((p) => ({ text: p.text, offset: p.offset * em, clusterSpacing: p.clusterSpacing * em })),
      });
    }
    const draw = () => renderLine.call(this, drawn, x, y);
    // Inside its structure element: tagged PDF (tagging.ts).
    drawTaggedLine(this.pdfDocument, line, () => (planned.length === 0 ? draw() : drawPlanned(planned, draw)));
  };
  const renderSVG = pdfmake.Renderer.prototype.renderSVG;
  pdfmake.Renderer.prototype.renderSVG = function (svg) {
    const placed = typeof svg.svg === 'string' ? { ...svg, svg: svgWithGlyphPlacement(svg.svg) } : svg;
    drawTaggedFigure(this.pdfDocument, svg.alt, () =>
      drawSvg(() => withSvgActualText(this.pdfDocument, fontsOf(this.pdfDocument), () => renderSVG.call(this, placed))),
    );
  };
  installed = true;
}

/**
 * What every render needs before it starts, done once per thread: the engine installed in pdfmake, the
 * fonts found (a missing file is named first), the lexicon with the users' words loaded.
 */
export function prepareTypesetting(settings: EngineSettings): {
  fontsDir: string;
  fonts: ReturnType<typeof sarabunFonts>;
} {
  installEngine();
  const fontsDir = settings.fontsDir ?? defaultFontsDir();
  const fonts = sarabunFonts(fontsDir);
  // The lexicon lives in the same resources folder as the fonts.
  installThaiLexicon(dirname(fontsDir), settings.userWords);
  return { fontsDir, fonts };
}

/** Get ready for a render with these settings while its document is being built (worker.ts). */
export function prepareRender(settings: EngineSettings): void {
  parseFontsAhead(prepareTypesetting(settings).fontsDir);
}

export async function typeset(
  doc: TDocumentDefinitions,
  settings: EngineSettings,
  onProgress: Progress = () => {},
): Promise<TypesetResult> {
  if (current) throw new Error('typeset: one render per thread at a time');
  const { fontsDir, fonts } = prepareTypesetting(settings);
  const fontFiles = new Set(Object.values(fonts).flatMap((family) => Object.values(family)));
  const urls = new pdfmake.UrlResolver(pdfmake.virtualfs);
  urls.setUrlAccessPolicy(() => false); // offline app: images come as data URLs
  const printer = new pdfmake.Printer(fonts, pdfmake.virtualfs, urls, (path) => fontFiles.has(path));

  // Cleaned once; each layout gets its own copy (breakBefore), which pdfmake may write into.
  let definition = numberHeadings(cleanDocument(doc));
  const headings = headingTexts(definition);
  let keptTogether = true;
  // Headings moved off a page foot, with the room each needs to stay where it falls (Infinity: found at a page
  // foot even so, or its need unknown: it starts a page); these override the in-flow needs below.
  const moved = new Map<number, number>();
  // Every heading's room to stay where it falls, found on the first layout that goes on (the in-flow rule,
  // keepWithNext.ts inFlowNeeds): the next layout moves a heading that other moves push to a page foot as it
  // places it, rather than a layout later, which moved headings cascading took up to seven layouts.
  let inFlow: ReadonlyMap<number, number> | null = null;
  // Breaks that give a near-empty page lines from the page before (pagination.ts), by text node.
  const forced = new Map<string, ForcedBreak>();
  let passes = 0;
  const parsedFonts = renderFonts(fontsDir);
  const layoutCaches: LayoutCaches = new Map();
  const measures = newMeasureCache();
  // Decides from a layout whether to lay out again, and with what: without keeping blocks together when one
  // was taller than a page and lost text (that is only a nicety), else with the headings stranded at a page
  // foot moved, rows kept together and lines moved onto near-empty pages, all at once. Every such break is
  // asked with the room it needs (a heading's measured on the layout that stranded it: strandedHeadingNeeds),
  // and made only where that room is still lacking, so one that other breaks of the same layout made needless
  // is not made, without another layout to undo it.
  const isFinal = ({ overflow, stranded, laidOut, bodies, paging }: Job): boolean => {
    limitHeapGrowthFor(bodies.length); // a long document's layouts and drawing leave much garbage behind
    if (overflow && keptTogether) {
      definition = withoutKeepTogether(definition);
      keptTogether = false;
      forced.clear(); // text nodes in blocks no longer kept together are numbered anew
    } else if (passes >= EXTRA_LAYOUTS) {
      return true;
    } else {
      // A heading stranded again, its need fallen short, starts a page.
      const fresh = stranded.filter(({ n }) => moved.get(n) !== Infinity);
      const needs = strandedHeadingNeeds(
        fresh.filter(({ n }) => !moved.has(n)),
        headings,
        bodies,
        paging.keptRows,
        paging.pageBreaks,
      );
      for (const { n } of fresh) moved.set(n, needs.get(n) ?? Infinity);
      inFlow ??= inFlowNeeds(laidOut, headings, bodies, paging.keptRows, paging.pageBreaks);
      const fixed = pageBreakFixes(bodies, paging, forced);
      if (!fixed && fresh.length === 0) return true;
    }
    passes++;
    return false;
  };
  const layout = async (laidOutDefinition: TDocumentDefinitions) => {
    const job: Job = {
      labels: new PageLabels(settings),
      onProgress,
      overflow: false,
      bodies: [],
      stranded: [],
      laidOut: [],
      isFinal,
      final: false,
      drawn: false,
      parsedFonts,
      layoutCaches,
      measures,
      blocks: 0,
      paging: beginLayout(new Map(forced)),
    };
    current = job;
    try {
      const prepared = prepareDocument(laidOutDefinition, job.labels);
      const pdfDoc = await printer.createPdfKitDocument(prepared, { tableLayouts: TABLE_LAYOUTS });
      // A layout that was not drawn is dropped at once, so that the next is made without it in memory.
      return job.drawn ? { pdfDoc, labels: job.labels } : null;
    } finally {
      current = null;
      endLayout();
    }
  };
  let laidOut = null;
  let layouts = 0;
  for (; !laidOut; layouts++) laidOut = await layout(breakBefore(definition, new Map([...(inFlow ?? []), ...moved])));
  const { pdfDoc } = laidOut;
  writePageLabels(pdfDoc, laidOut.labels, pdfDoc._pdfMakePages?.length ?? 0);
  const lines = settings.recordLines ? collectLines(pdfDoc._pdfMakePages ?? []) : null;
  const pdf = await new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    pdfDoc.on('data', (chunk) => chunks.push(chunk));
    pdfDoc.on('end', () => resolve(Buffer.concat(chunks)));
    pdfDoc.on('error', reject);
    pdfDoc.end();
  });
  return { pdf, lines, layouts };
}

/** The document without the requests to keep rows and stacks on one page. */
function withoutKeepTogether(doc: TDocumentDefinitions): TDocumentDefinitions {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!isPlainObject(value)) return value;
    const node: Record<string | symbol, unknown> = Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'dontBreakRows' && key !== 'unbreakable' && key !== 'keepWithHeaderRows')
        .map(([key, v]) => [key, strip(v)]),
    );
    if (NODE_ID in value) node[NODE_ID] = value[NODE_ID]; // the node's measure is still its own (measureCache.ts)
    return node;
  };
  return strip(doc) as TDocumentDefinitions;
}

function collectLines(pages: PdfPage[]): LaidOutLine[] {
  const out: LaidOutLine[] = [];
  pages.forEach((page, index) => {
    for (const { type, item } of page.items) {
      if (type !== 'line') continue;
      const line: Line & { x: number; y: number } = item;
      out.push({
        page: index + 1,
        x: line.x,
        y: line.y,
        width: line.getWidth(),
        maxWidth: line.maxWidth,
        paragraph: line.paragraph ?? -1,
        seq: line.seq ?? -1,
        lastInParagraph: line.lastLineInParagraph === true,
        forcedEnd: line.newLineForced === true,
        justified: line.inlines[0]?.alignment === 'justify',
        text: line.inlines.map((inline) => inline.text).join(''),
        pieces: line.inlines.map((inline) => ({
          text: inline.text,
          font: inline.font.name,
          fontSize: inline.fontSize,
          x: inline.x ?? 0,
          width: inline.width,
          trailingCut: inline.trailingCut ?? 0,
          clusterSpacing: inline.clusterSpacing ?? 0,
        })),
      });
    }
  });
  return out;
}
