import { join } from 'node:path';
import { buildDocument } from '../core/pdf/index.ts';
import { prepareRender, renderPdf } from '../services/pdf/render.ts';
import { documentCommand, type DocumentFormat } from './document.ts';

/** PDF as a command's output (document.ts): typeset in the PDF engine's worker. */
export const pdfFormat: DocumentFormat = {
  name: 'pdf',
  messages: 'pdf.cli',
  // The worker loads the engine and the lexicon while this thread reads the plan and builds the document.
  prepare(ctx, userWords) {
    prepareRender({ fontsDir: join(ctx.resourcesDir, 'fonts'), userWords });
  },
  async render(kind, input, ctx, userWords) {
    const built = buildDocument(kind, input);
    return renderPdf(built.doc, { numbering: built.numbering, fontsDir: join(ctx.resourcesDir, 'fonts'), userWords });
  },
};

/** `phaen pdf plan.json out.pdf …` */
export const pdfCommand = documentCommand(pdfFormat);
