import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildMapDocument } from './mapDocument.ts';
import type { PdfKind } from './options.ts';
import { buildPlanDocument, PLAN_FIRST_NUMBERED_PAGE } from './planDocument.ts';
import type { BuildInput } from './source.ts';
import { buildSummaryDocument } from './summaryDocument.ts';

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
  switch (kind) {
    case 'plan':
      return { doc: buildPlanDocument(input), firstNumberedPage: PLAN_FIRST_NUMBERED_PAGE, digits };
    case 'summary':
      return { doc: buildSummaryDocument(input), firstNumberedPage: 1, digits };
    case 'map':
      return { doc: buildMapDocument(input), firstNumberedPage: 1, digits };
  }
}
