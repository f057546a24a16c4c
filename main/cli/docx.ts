import { join } from 'node:path';
import { buildModel } from '../core/pdf/index.ts';
import { renderDocx } from '../services/docx/render.ts';
import { rasteriser } from '../services/docx/images.ts';
import { documentCommand, type DocumentFormat } from './document.ts';

/** Word as a command's output (document.ts): the same document as the PDF, as a Word file. */
export const docxFormat: DocumentFormat = {
  name: 'docx',
  messages: 'docx.cli',
  async render(kind, input, ctx) {
    const fontsDir = join(ctx.resourcesDir, 'fonts');
    return renderDocx(buildModel(kind, input), { rasterise: rasteriser(fontsDir), fontsDir });
  },
};

/** `phaen docx plan.json out.docx …` */
export const docxCommand = documentCommand(docxFormat);
