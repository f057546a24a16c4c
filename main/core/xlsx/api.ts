import { z } from 'zod';
import { Uuid } from '../fields.ts';
import { PdfStarted } from '../pdf/api.ts';

/**
 * The Excel channels of the IPC contract (core/contract.ts). Export: main asks where to save the workbook
 * (Electron) and starts a job that writes it, or hands it back for a download when the job ends (browser). Open: main asks for a file with its own
 * dialog (the renderer never sends a path) or, in the browser, is given the file's bytes; it answers with the
 * sheets as text grids for the import's column mapping, which runs in the renderer on core's rules.
 */

/** Base64 of an .xlsx at the read limit (services/xlsx/read.ts, 10 MB), with room for the encoding. */
const MAX_BASE64 = 14_000_000;

export const SheetGridSchema = z.object({
  name: z.string(),
  rows: z.array(z.array(z.string())),
});

export const xlsxChannels = {
  /** A job like a PDF export's, followed with pdf.progress and cancelled with pdf.cancel. */
  'xlsx.export': { input: z.object({ planId: Uuid }).strict(), output: PdfStarted },
  'xlsx.open': {
    input: z
      .object({ base64: z.string().max(MAX_BASE64).optional(), fileName: z.string().max(500).optional() })
      .strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('read'), fileName: z.string(), sheets: z.array(SheetGridSchema) }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
} as const;
