import type { DocModel } from '../doc/model.ts';
import { buildMapDocument } from './mapDocument.ts';
import type { PdfKind } from './options.ts';
import { buildPlanDocument } from './planDocument.ts';
import { pdfDocument, type PdfDocument } from './pdfmake.ts';
import type { BuildInput } from './source.ts';
import { buildReportDocument } from './reportDocument.ts';
import { buildSummaryDocument } from './summaryDocument.ts';

export type { PdfDocument } from './pdfmake.ts';

/**
 * Every document of a plan as the format-neutral model (doc/model.ts), built once: the full plan with an
 * unnumbered cover and front matter lettered ก ข ค before its body, or a handout numbered from its first
 * page, or the progress report of a period after adoption. The PDF (below) and Word (services/docx) render the same model.
 */
export function buildModel(kind: PdfKind, input: BuildInput): DocModel {
  if (kind === 'plan') return buildPlanDocument(input);
  if (kind === 'report') return buildReportDocument(input);
  return kind === 'summary' ? buildSummaryDocument(input) : buildMapDocument(input);
}

/**
 * A document as plain data for the PDF engine (services/pdf/render.ts), with how the engine numbers its
 * pages (pageNumbers.ts).
 */
export function buildDocument(kind: PdfKind, input: BuildInput): PdfDocument {
  return pdfDocument(buildModel(kind, input));
}
