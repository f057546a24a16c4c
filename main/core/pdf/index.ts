import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildMapDocument } from './mapDocument.ts';
import type { PdfKind } from './options.ts';
import type { PageNumbering } from './pageNumbers.ts';
import { buildPlanDocument } from './planDocument.ts';
import type { BuildInput } from './source.ts';
import { buildSummaryDocument } from './summaryDocument.ts';
import { withEraYearsJoined } from './text.ts';

/**
 * Every printable document of a plan, as plain data for the PDF engine (services/pdf/render.ts), with how
 * the engine numbers its pages (pageNumbers.ts): the plan has an unnumbered cover and front matter lettered
 * ก ข ค before its body; a handout is numbered from its first page.
 */
export interface PdfDocument {
  readonly doc: TDocumentDefinitions;
  readonly numbering: PageNumbering;
}

export function buildDocument(kind: PdfKind, input: BuildInput): PdfDocument {
  const digits = input.options.thaiDigits ? 'thai' : 'arabic';
  if (kind === 'plan') {
    const built = buildPlanDocument(input);
    return { doc: withEraYearsJoined(built.doc), numbering: { ...built.numbering, digits } };
  }
  const doc = kind === 'summary' ? buildSummaryDocument(input) : buildMapDocument(input);
  return { doc: withEraYearsJoined(doc), numbering: { digits, firstPage: 1 } };
}
