import { z } from 'zod';

/** Field schemas shared by every entity; messages are i18n keys (validation.*). */
export const Uuid = z.uuid({ message: 'validation.uuid' });

export const text = (max: number) =>
  z.string({ message: 'validation.text' }).trim().max(max, { message: 'validation.tooLong' });

export const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });

/** A calendar date, ISO 8601 (Gregorian); shown in B.E. (core/thaiDate.ts). */
export const IsoDate = z.iso.date({ message: 'validation.date' });

/** A measured or planned number; null is "not entered" (a missing year), never 0. */
export const Amount = z.number({ message: 'validation.number' }).finite({ message: 'validation.number' });

/** A weight within a category of factors or KPIs, 0–1 with two decimals as people enter it. */
export const Weight = z
  .number({ message: 'validation.number' })
  .min(0, { message: 'validation.weightRange' })
  .max(1, { message: 'validation.weightRange' });
