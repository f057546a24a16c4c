import { z } from 'zod';
import { Uuid } from '../fields.ts';

/**
 * The Excel channels of the IPC contract (core/contract.ts). Export: main builds the workbook and asks where
 * to save it (Electron) or hands it back for a download (browser). Open: main asks for a file with its own
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
  'xlsx.export': {
    input: z.object({ planId: Uuid }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), fileName: z.string() }),
      z.object({ status: z.literal('download'), fileName: z.string(), base64: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
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
