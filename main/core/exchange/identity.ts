import { z } from 'zod';
import { requiredText } from '../fields.ts';

/**
 * Who this installation is in an exchange: an office (code and Thai name, e.g. 1001 สำนักงานเขตพระนคร) that
 * either contributes its parts of a plan or, as the secretariat, merges everyone's work and sends it back.
 * Stored in settings (core/settings.ts), unset until the user answers at first start; changeable later.
 */
export const OfficeRole = z.enum(['contributor', 'secretariat']);
export type OfficeRole = z.infer<typeof OfficeRole>;

/**
 * The code names this office's folder in a shared folder (`<plan>/<code>/`), so it holds only what is a safe
 * folder name on Windows, macOS and Linux and in sync engines: English letters, digits, Thai letters and marks
 * (U+0E01-U+0E4F, which have no decomposed form that a file system could change), "-" and "_". Thai staff
 * write abbreviations with a closing dot (สปส.): the dot is dropped (Windows drops a name's trailing dot itself,
 * so keeping it would make one office two folders); dots elsewhere, spaces, \ / : * ? " < > | and Windows'
 * device names (CON, NUL, COM1...) are refused.
 */
export const OfficeCode = z
  .string({ message: 'exchange.identity.codeInvalid' })
  .trim()
  .overwrite((code) => code.replace(/\.+$/u, ''))
  .regex(/^[A-Za-z0-9\u0E01-\u0E4F][A-Za-z0-9\u0E01-\u0E4F_-]{0,19}$/u, { message: 'exchange.identity.codeInvalid' })
  // Names Windows keeps for devices: a folder of that name cannot be made there.
  .refine((code) => !/^(con|prn|aux|nul|com\d|lpt\d)$/iu.test(code), { message: 'exchange.identity.codeInvalid' });

export const OfficeName = requiredText(300);

export const OfficeIdentity = z.object({ code: OfficeCode, name: OfficeName, role: OfficeRole }).strict();
export type OfficeIdentity = z.infer<typeof OfficeIdentity>;

/** An installation's Ed25519 public key: its 32 raw bytes in base64url (43 characters, no padding). */
export const PublicKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
