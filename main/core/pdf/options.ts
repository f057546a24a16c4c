import { z } from 'zod';
import type { ReportPeriod } from '../monitoringReport.ts';
import type { Language } from '../settings.ts';

/**
 * What a printed document is made of and what the person printing chooses: the document (the full plan, the
 * one-page summary, the two-page strategy map, the progress report of a quarter or a year after adoption), the chapters of the full plan, and Thai or Arabic digits.
 * Chapters follow the order Thai agency plans use; a chapter whose data is empty is left out whatever is chosen.
 */
export const PdfKind = z.enum(['plan', 'summary', 'map', 'report']);
export type PdfKind = z.infer<typeof PdfKind>;

/** The file a document is exported as: PDF to print, Word (.docx) to edit (the same document model). */
export const DocumentFormat = z.enum(['pdf', 'docx']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

export const CHAPTERS = ['intro', 'evaluation', 'situation', 'plan', 'alignment', 'monitoring', 'annexes'] as const;
export const ChapterId = z.enum(CHAPTERS);
export type ChapterId = z.infer<typeof ChapterId>;

export interface PdfOptions {
  /** The document's language: its own words from the locale files, catalog entries in their Thai or English title. */
  readonly language: Language;
  readonly thaiDigits: boolean;
  /** Chapters of the full plan to print (empty ones are left out anyway); ignored by the handouts. */
  readonly chapters: readonly ChapterId[];
  /** The date printed on the cover and under the foreword: ISO 8601 (YYYY-MM-DD), shown in B.E. */
  readonly date: string;
  /** Print the lists of tables and of figures (สารบัญตาราง, สารบัญแผนภาพ) after the contents of the full plan. */
  readonly captionLists?: boolean;
  /** The fiscal year (and quarter) a progress report covers; required by the report, ignored by the others. */
  readonly period?: ReportPeriod;
}

/** Translation as main provides it (services/locales.ts): the same keys and wording as the UI. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;
