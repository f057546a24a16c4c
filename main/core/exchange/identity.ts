import { z } from 'zod';
import { requiredText } from '../fields.ts';

/**
 * Who this installation is in an exchange: an office (code and Thai name, e.g. 1001 สำนักงานเขตพระนคร) that
 * either contributes its parts of a plan or, as the secretariat, merges everyone's work and sends it back.
 * Stored in settings (core/settings.ts), unset until the user answers at first start; changeable later.
 */
export const OfficeRole = z.enum(['contributor', 'secretariat']);
export type OfficeRole = z.infer<typeof OfficeRole>;

/** Letters, digits, "-" and "_": the code names this office's folder in a shared folder, on every platform. */
export const OfficeCode = z
  .string({ message: 'exchange.identity.codeInvalid' })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/, { message: 'exchange.identity.codeInvalid' });

export const OfficeName = requiredText(300);

export const OfficeIdentity = z.object({ code: OfficeCode, name: OfficeName, role: OfficeRole }).strict();
export type OfficeIdentity = z.infer<typeof OfficeIdentity>;
