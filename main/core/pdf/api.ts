import { z } from 'zod';
import { AppErrorShape } from '../errors.ts';
import { Uuid } from '../fields.ts';
import { CHAPTERS, ChapterId, DocumentFormat, PdfKind } from './options.ts';

/**
 * The PDF channels of the IPC contract (core/contract.ts): start an export (main asks where to save it with
 * its own dialog, or, in the browser bridge, hands the file back as a download), follow it, cancel it.
 */

export const PdfRequest = z
  .object({
    planId: Uuid,
    kind: PdfKind,
    thaiDigits: z.boolean(),
    /** Chapters of the full plan to print, in any order (they print in the plan's order); ignored by handouts. */
    chapters: z.array(ChapterId).max(CHAPTERS.length),
    /** The lists of tables and of figures in the front matter of the full plan; ignored by handouts. */
    captionLists: z.boolean().optional(),
    /** A PDF to print (default) or a Word file to edit, of the same document. */
    format: DocumentFormat.optional(),
    /** The progress report's fiscal year (B.E.) and quarter (null: the annual report); ignored by the others. */
    period: z
      .object({
        year: z.number().int(),
        quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type PdfRequest = z.infer<typeof PdfRequest>;

export const PdfStarted = z.discriminatedUnion('status', [
  z.object({ status: z.literal('started'), jobId: Uuid }),
  /** The save dialog was closed without a file: nothing started. */
  z.object({ status: z.literal('cancelled') }),
]);
export type PdfStarted = z.infer<typeof PdfStarted>;

export const PdfResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), fileName: z.string() }),
  /** No dialog (browser bridge): the PDF itself, base64, for the page to offer as a download. */
  z.object({ status: z.literal('download'), fileName: z.string(), base64: z.string() }),
]);
export type PdfResult = z.infer<typeof PdfResult>;

export const PdfJobStatus = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Pages drawn of the total; 0 of 0 while the document is still being laid out. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  result: PdfResult.optional(),
  error: AppErrorShape.optional(),
});
export type PdfJobStatus = z.infer<typeof PdfJobStatus>;

const JobRef = z.object({ jobId: Uuid }).strict();

export const pdfChannels = {
  'pdf.start': { input: PdfRequest, output: PdfStarted },
  /** A finished job reports its outcome once, then is forgotten. */
  'pdf.progress': { input: JobRef, output: PdfJobStatus },
  'pdf.cancel': { input: JobRef, output: z.object({}).strict() },
} as const;
