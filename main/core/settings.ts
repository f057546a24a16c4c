import { z } from 'zod';
import { OfficeIdentity } from './exchange/identity.ts';

export const Language = z.enum(['th', 'en']);
export type Language = z.infer<typeof Language>;

/** Settings of this installation (not part of any plan, never exchanged). */
export const Settings = z.object({
  language: Language,
  /** Print numbers in Thai digits (๒๕๖๖) in PDF output; the screen keeps Arabic digits. */
  thaiDigits: z.boolean(),
  /** Where the user left each workshop wizard, by `${planId}:${wizardId}`: a wizard resumes at that step. */
  wizardSteps: z.record(z.string(), z.number().int().min(0).max(50)),
  /** This installation's office and role in exchanges; null until the user answers at first start. */
  office: OfficeIdentity.nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { language: 'th', thaiDigits: false, wizardSteps: {}, office: null };
