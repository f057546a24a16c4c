import type { TFunction, TOptions } from 'i18next';
import { problemSentenceValues } from '../../main/core/entityLabels.ts';
import type { AppErrorShape } from '../../main/core/errors.ts';
import type { Translate } from '../../main/core/pdf/options.ts';
import { formatPeriod } from '../../main/core/years.ts';

/** Dates always in the Buddhist calendar, in either language ("27 พ.ย. 2569 17:30" / "27 Nov 2569 BE, 17:30"). */
export function formatDateTime(iso: string, language: string): string {
  const locale = language === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
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
  if (field === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const locale = language === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist';
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value));
  }
  const named = t(`history.enum.${field}.${value}`, { defaultValue: '' });
  if (named !== '') return named;
  return value.length > longest ? `${value.slice(0, longest)}…` : value;
}
