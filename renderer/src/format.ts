import type { TFunction, TOptions } from 'i18next';
import { problemSentenceValues } from '../../main/core/entityLabels.ts';
import type { AppErrorShape } from '../../main/core/errors.ts';
import type { Translate } from '../../main/core/pdf/options.ts';
import { formatThaiDate } from '../../main/core/thaiDate.ts';
import { BE_OFFSET, formatPeriod } from '../../main/core/years.ts';

/**
 * The one rule for dates and lists on screen: they follow the interface language, and years are always in the
 * Buddhist Era. English days are British (day before month, as Thai dates read) with the year as the English
 * screens write it elsewhere ("fiscal year B.E. 2568"): "15 January B.E. 2568", not CLDR's "15 January 2568 BE".
 * The printed documents are Thai documents and keep core's formatThaiDate whatever the interface language.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

// Built once per kind: a history or a list of reminders would otherwise build one formatter per date shown.
function formatOf(language: string, kind: 'long' | 'short' | 'moment'): Intl.DateTimeFormat {
  const key = `${language}:${kind}`;
  let format = formats.get(key);
  if (!format) {
    const locale = language === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB';
    format = new Intl.DateTimeFormat(
      locale,
      kind === 'moment'
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : // UTC: an ISO day is midnight UTC; in local time west of Greenwich it would be the day before.
          { dateStyle: kind === 'long' ? 'long' : 'medium', timeZone: 'UTC' },
    );
    formats.set(key, format);
  }
  return format;
}

function shown(language: string, kind: 'long' | 'short' | 'moment', date: Date): string {
  const format = formatOf(language, kind);
  if (language === 'th') return format.format(date);
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'year' ? `B.E. ${Number(part.value) + BE_OFFSET}` : part.value))
    .join('');
}

/** A moment (ISO timestamp) in local time: "27 พ.ย. 2569 17:30" / "27 Nov B.E. 2569, 17:30". */
export function formatDateTime(iso: string, language: string): string {
  return shown(language, 'moment', new Date(iso));
}

/**
 * A calendar day (ISO, YYYY-MM-DD): "15 มกราคม 2568" / "15 January B.E. 2568" (long), "15 ม.ค. 2568" /
 * "15 Jan B.E. 2568" (short). Thai through core's formatThaiDate, so the screen reads as the printed plan does.
 */
export function formatDate(iso: string, language: string, style: 'long' | 'short' = 'long'): string {
  if (language === 'th') return formatThaiDate(iso, { style });
  return shown(language, style, new Date(iso));
}

/**
 * A calendar day as the date box shows it, in a form parseThaiDate reads back: "15 ม.ค. 2568" in Thai,
 * "15/1/2568" in English (the English placeholder's form: no Thai month to read, year still B.E.).
 */
export function typedDate(iso: string, language: string): string {
  if (language === 'th') return formatThaiDate(iso, { style: 'short' });
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}/${month}/${year! + BE_OFFSET}`;
}

/** Names in a sentence joined as the language joins them: "ก ข และค" / "A, B and C". */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language === 'th' ? 'th' : 'en-GB', { type: 'conjunction' }).format(items);
}

/** Plan years are stored in B.E. already: only the label differs per language. */
export function periodLabel(t: TFunction, startYear: number, endYear: number): string {
  return t('plans.period', { period: formatPeriod(startYear, endYear) });
}

/** i18next's `t` as core's translator, for what core words itself (core/entityLabels.ts). */
export const translate =
  (t: TFunction): Translate =>
  (key, values) =>
    t(key, values as TOptions);

/** A refused file also says where its first problem is (core/entityLabels.ts problemSentenceValues). */
export function errorText(t: TFunction, error: AppErrorShape): string {
  if (!error.problem) return t(`errors.${error.code}`);
  return t('planFile.refused', { problem: t('planFile.problem', problemSentenceValues(translate(t), error.problem)) });
}

/** Thai dictionary order for names people sort by (units, offices). */
export const thaiCollator = new Intl.Collator('th');

/** A saved 12000 shows as "12,000", the way it was typed or pasted; parseNumberCell reads it back. */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

export function formatAmount(value: number): string {
  return GROUPED.format(value);
}

/** Fields holding a B.E. year or a small count: shown as typed, not grouped ("2566", not "2,566"). */
const PLAIN_NUMBERS = new Set([
  'year',
  'startYear',
  'endYear',
  'baselineYear',
  'prevStartYear',
  'prevEndYear',
  'ratingMin',
  'ratingMax',
]);

/** Fields holding a calendar day (core/rows.ts IsoDate): a history line reads "15 ม.ค. 2568", not "2025-01-15". */
const DATE_FIELDS = new Set(['date', 'adoptedOn', 'revisedOn', 'sentOn']);

/**
 * A field's value as a person reads it, in the interface language, for history and exchange screens; years
 * stay B.E. as stored. `longest` clips long text (history lists); conflicts are decided on the whole text.
 */
export function shownValue(t: TFunction, language: string, field: string, value: unknown, longest = Infinity): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  if (typeof value === 'number') return PLAIN_NUMBERS.has(field) ? String(value) : formatAmount(value);
  if (Array.isArray(value)) {
    // Lists of numbers (thresholds) read as such; lists of other rows' ids only by how many there are.
    return value.length > 0 && value.every((v) => typeof v === 'number')
      ? value.join(', ')
      : t('history.items', { count: value.length });
  }
  if (typeof value !== 'string') return t('history.items', { count: 1 });
  if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, language, 'short');
  const named = t(`history.enum.${field}.${value}`, { defaultValue: '' });
  if (named !== '') return named;
  return value.length > longest ? `${value.slice(0, longest)}…` : value;
}
