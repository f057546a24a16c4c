import { join } from 'node:path';
import { buildDocument } from '../core/pdf/index.ts';
import { type RenderOptions, prepareRender, renderPdf } from '../services/pdf/render.ts';
import { documentCommand, type DocumentFormat } from './document.ts';

/** Where the pages are typeset: the PDF engine's worker (render.ts) or this thread (renderHere.ts). */
export interface PdfRenderer {
  prepare(options: Pick<RenderOptions, 'fontsDir' | 'userWords'>): void;
  render(doc: Parameters<typeof renderPdf>[0], options: RenderOptions): Promise<Uint8Array>;
}

/** PDF as a command's output (document.ts), typeset by `renderer`. */
export function pdfFormatWith(renderer: PdfRenderer): DocumentFormat {
  return {
    name: 'pdf',
    messages: 'pdf.cli',
    // The worker loads the engine and the lexicon while this thread reads the plan and builds the document.
    prepare(ctx, userWords) {
      renderer.prepare({ fontsDir: join(ctx.resourcesDir, 'fonts'), userWords });
    },
    async render(kind, input, ctx, userWords) {
      const built = buildDocument(kind, input);
      const fontsDir = join(ctx.resourcesDir, 'fonts');
      return renderer.render(built.doc, { numbering: built.numbering, fontsDir, userWords });
    },
  };
}

/** PDF typeset in the PDF engine's worker. */
export const pdfFormat = pdfFormatWith({ prepare: prepareRender, render: renderPdf });

/** `phaen pdf plan.json out.pdf …` */
export const pdfCommand = documentCommand(pdfFormat);
