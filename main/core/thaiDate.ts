import { BE_OFFSET, fromThaiDigits, toThaiDigits } from './years.ts';

/**
 * Thai dates as people type and print them: "๑๓ ก.ย. ๒๕๖๔", "13 ก.ย.64" (the founding news item's style),
 * "13 กันยายน 2564", "13/9/2564". Stored as ISO 8601 calendar dates (YYYY-MM-DD, Gregorian), the one
 * unambiguous form; shown in the Buddhist Era.
 */
export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;
export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;

export type DateParse = { ok: true; iso: string } | { ok: false; message: 'validation.date' };

const invalid: DateParse = { ok: false, message: 'validation.date' };

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A year as typed: 2 digits are B.E. 25xx (ก.ย.64), 4 digits from 2400 are B.E., 1900–2399 Gregorian. */
function gregorianYear(typed: string): number | null {
  const n = Number(typed);
  if (typed.length === 2) return 2500 + n - BE_OFFSET;
  if (typed.length !== 4) return null;
  if (n >= 2400) return n - BE_OFFSET;
  if (n >= 1900) return n;
  return null;
}

function build(day: number, month: number, year: number | null): DateParse {
  if (year === null || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return invalid;
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

const strip = (s: string) => s.replace(/[.\s]/g, '');

function monthFromName(name: string): number {
  const key = strip(name);
  if (!key) return 0;
  const full = THAI_MONTHS.findIndex((m) => m === key);
  if (full >= 0) return full + 1;
  return THAI_MONTHS_SHORT.findIndex((m) => strip(m) === key) + 1;
}

export function parseThaiDate(input: string): DateParse {
  const text = fromThaiDigits(input.normalize('NFC')).trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return build(Number(m[3]), Number(m[2]), gregorianYear(m[1]!));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), gregorianYear(m[3]!));
  m = /^(\d{1,2}) ?([\u0E00-\u0E7F. ]+?) ?(?:พ\.?ศ\.? ?)?(\d{2}|\d{4})$/.exec(text);
  if (m) return build(Number(m[1]), monthFromName(m[2]!), gregorianYear(m[3]!));
  return invalid;
}

/** "13 กันยายน 2564" (long) or "13 ก.ย. 2564" (short), optionally in Thai digits (๑๓ กันยายน ๒๕๖๔). */
export function formatThaiDate(iso: string, options: { style?: 'long' | 'short'; thaiDigits?: boolean } = {}): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const month = Number(m[2]) - 1;
  const names = options.style === 'short' ? THAI_MONTHS_SHORT : THAI_MONTHS;
  const text = `${Number(m[3])} ${names[month]} ${Number(m[1]) + BE_OFFSET}`;
  return options.thaiDigits ? toThaiDigits(text) : text;
}

/**
 * The days of a month as calendar weeks (Sunday first), null for the blanks before the 1st and after the last
 * day; month 1–12, Gregorian year (a picker shows it as B.E.).
 */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(first).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Today as a document's date (the cover, the foreword's signature): local calendar day, ISO 8601. */
export function today(now = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
