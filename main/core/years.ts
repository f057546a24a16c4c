/**
 * Years are stored and exchanged in the Buddhist Era (พ.ศ.), the calendar every Thai plan is written in;
 * Gregorian years appear only at the edge (a Date from the system clock).
 */
export const BE_OFFSET = 543;
/** Plausible plan years: guards against a Gregorian year typed by mistake (2023 instead of 2566). */
export const MIN_BE_YEAR = 2500;
export const MAX_BE_YEAR = 2700;
export const MAX_PLAN_YEARS = 10;

export function beYearOf(date: Date): number {
  return date.getFullYear() + BE_OFFSET;
}

export function gregorianToBe(year: number): number {
  return year + BE_OFFSET;
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** Replace Arabic digits with Thai digits (Cabinet resolution 2 May 2543 promotes them in print). */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!);
}

/** Replace Thai digits with Arabic ones, so typed or pasted ๒๕๖๖ parses like 2566. */
export function fromThaiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

/** A B.E. period as printed: "2566–2570" (en dash), or one year when start equals end. */
export function formatPeriod(startBe: number, endBe: number, thaiDigits = false): string {
  const text = startBe === endBe ? String(startBe) : `${startBe}–${endBe}`;
  return thaiDigits ? toThaiDigits(text) : text;
}

export function periodLength(startBe: number, endBe: number): number {
  return endBe - startBe + 1;
}
