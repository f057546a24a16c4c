import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildMapDocument } from './mapDocument.ts';
import type { PdfKind } from './options.ts';
import { buildPlanDocument, PLAN_FIRST_NUMBERED_PAGE } from './planDocument.ts';
import type { BuildInput } from './source.ts';
import { buildSummaryDocument } from './summaryDocument.ts';
import { withEraYearsJoined } from './text.ts';

/**
 * Every printable document of a plan, as plain data for the PDF engine (services/pdf/render.ts), with how
 * the engine numbers its pages: from which physical page, in which digits.
 */
export interface PdfDocument {
  readonly doc: TDocumentDefinitions;
  readonly firstNumberedPage: number;
  readonly digits: 'thai' | 'arabic';
}

export function buildDocument(kind: PdfKind, input: BuildInput): PdfDocument {
  const digits = input.options.thaiDigits ? 'thai' : 'arabic';
  const built = BUILDERS[kind](input);
  return { doc: withEraYearsJoined(built.doc), firstNumberedPage: built.firstNumberedPage, digits };
}

const BUILDERS: Record<PdfKind, (input: BuildInput) => { doc: TDocumentDefinitions; firstNumberedPage: number }> = {
  plan: (input) => ({ doc: buildPlanDocument(input), firstNumberedPage: PLAN_FIRST_NUMBERED_PAGE }),
  summary: (input) => ({ doc: buildSummaryDocument(input), firstNumberedPage: 1 }),
  map: (input) => ({ doc: buildMapDocument(input), firstNumberedPage: 1 }),
};
