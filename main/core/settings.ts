import { z } from 'zod';
import { OfficeIdentity } from './exchange/identity.ts';

export const Language = z.enum(['th', 'en']);
export type Language = z.infer<typeof Language>;

/**
 * Text typed into a plan's field that its rules refused (core/validity.ts), kept so that it stays in its field
 * with its message across steps and restarts until it is fixed or cleared: nothing typed is lost silently.
 */
export const UnsavedInput = z.object({
  /** As typed. */
  text: z.string().max(10_000),
  /** The i18n key of why it was refused. */
  message: z.string(),
  /** Where it was typed: the wizard step's route hash, with the row to land on. */
  at: z.string(),
});
export type UnsavedInput = z.infer<typeof UnsavedInput>;

/** Settings of this installation (not part of any plan, never exchanged). */
export const Settings = z.object({
  language: Language,
  /** Print numbers in Thai digits (๒๕๖๖) in PDF output; the screen keeps Arabic digits. */
  thaiDigits: z.boolean(),
  /** This installation's office and role in exchanges; null until the user answers at first start. */
  office: OfficeIdentity.nullable(),
  /**
   * The user skipped the first-start question for the office (a single-office user): kept here, in the
   * workspace database, so the question does not return after a restart in browser mode, where the page's
   * origin (and so its browser storage) changes with every run's port.
   */
  officeSkipped: z.boolean(),
  /** Refused input by plan id, then by `${rowId}|${field}` (the row may not exist yet: a year's fixed id). */
  unsaved: z.record(z.string(), z.record(z.string(), UnsavedInput)),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'th',
  thaiDigits: false,
  office: null,
  officeSkipped: false,
  unsaved: {},
};
