/**
 * Thai PDF rendering (issue 5): `renderPdf(doc)` turns a pdfmake document definition into PDF bytes with
 * every Thai typesetting rule applied (engine/typeset.ts: Thai line breaks without inserted characters,
 * script runs, grapheme-safe cuts of over-long words, space-first justification, text that copies and
 * searches as typed in pdf.js and poppler, Thai SVG text), in a worker thread (engine/pool.ts) so the main
 * process never stalls, with progress and cancellation.
 *
 * Rules for documents, since the definition crosses into the worker by structured clone:
 * - plain data only, no functions: a static `header`/`footer` may contain PAGE_NUMBER and PAGE_COUNT
 *   placeholders (option `numbering`, or `digits` and `firstNumberedPage`, says how they print; the table
 *   of contents and the PDF's page labels follow the same numbering); table layouts by name (TABLE_LAYOUTS, or pdfmake's 'noBorders',
 *   'headerLineOnly', 'lightHorizontalLines'); a heading marked `keepWithNext: true` keeps two lines of
 *   what follows on its page (engine/keepWithNext.ts), and so does a table row whose cell says so with the
 *   next row; paragraphs and list items leave no widow or orphan, and no page is blank or holds only one or
 *   two lines run over from the page before (engine/pagination.ts);
 * - images as data URLs (no file paths, no network); SVG as strings (charts: font-family Sarabun);
 * - font family 'Sarabun' (the default; `bold`/`italics` pick the face), 16 pt and A4 by default.
 * A `dontBreakRows` row or `unbreakable` stack taller than a page would lose text in pdfmake; the engine
 * then lays the document out again without keeping blocks together.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PageNumbering } from '../../core/pdf/pageNumbers.ts';
import { type WorkerResult, renderInWorker, warmWorker } from './engine/pool.ts';
import { findFunction } from './engine/prepare.ts';
import type { EngineSettings, LaidOutLine } from './engine/typeset.ts';

export { PAGE_COUNT, PAGE_NUMBER } from './engine/prepare.ts';
export { TABLE_LAYOUTS, type TableLayoutName } from './engine/tableLayouts.ts';
export type { LaidOutLine } from './engine/typeset.ts';

export interface RenderOptions {
  /** Aborting terminates the render; the promise rejects with AppError('cancelled'). */
  signal?: AbortSignal;
  /** Pages drawn so far of the total, once layout is done (layout itself reports nothing). */
  onProgress?: (done: number, total: number) => void;
  /** How pages are numbered: cover, front matter, body (core/pdf/pageNumbers.ts); overrides the two below. */
  numbering?: PageNumbering;
  /** A document without front matter: digits of page numbers in header, footer and table of contents. Default 'arabic'. */
  digits?: 'thai' | 'arabic';
  /** The physical page printed as page 1; earlier pages (the cover) get no header or footer. Default 1. */
  firstNumberedPage?: number;
  /** Folder with the Sarabun TTF files; default resources/fonts of the source tree or build. */
  fontsDir?: string;
  /** Words users added to the shipped Thai lexicon (services/thaiLexicon.ts). */
  userWords?: readonly string[];
}

export async function renderPdf(doc: TDocumentDefinitions, options: RenderOptions = {}): Promise<Uint8Array> {
  return (await run(doc, options, false)).pdf;
}

/** renderPdf plus the lines as laid out and drawn: for tests that check every line break. */
export async function renderPdfWithLines(
  doc: TDocumentDefinitions,
  options: RenderOptions = {},
): Promise<{ pdf: Uint8Array; lines: LaidOutLine[] }> {
  const { pdf, lines } = await run(doc, options, true);
  return { pdf, lines: lines ?? [] };
}

/**
 * Get the worker ready for a render with these fonts and words (RenderOptions) while the caller builds the
 * document: an export calls this first, so that loading the engine and the lexicon overlaps that work.
 */
export function prepareRender(options: Pick<RenderOptions, 'fontsDir' | 'userWords'> = {}): void {
  warmWorker(engineSettings(options, false));
}

/** The engine's settings for a render with these options (also renderHere.ts). */
export function engineSettings(options: RenderOptions, recordLines: boolean): EngineSettings {
  return {
    ...(options.numbering ?? { digits: options.digits ?? 'arabic', firstPage: options.firstNumberedPage ?? 1 }),
    recordLines,
    ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
    ...(options.userWords ? { userWords: options.userWords } : {}),
  };
}

function run(doc: TDocumentDefinitions, options: RenderOptions, recordLines: boolean): Promise<WorkerResult> {
  const fn = findFunction(doc);
  if (fn) {
    return Promise.reject(
      new TypeError(`renderPdf: ${fn} is a function, which cannot cross into the PDF worker (see render.ts)`),
    );
  }
  const settings = engineSettings(options, recordLines);
  return renderInWorker(doc, settings, { signal: options.signal, onProgress: options.onProgress });
}
