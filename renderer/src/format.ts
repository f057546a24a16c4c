import type { TFunction } from 'i18next';
import type { AppErrorShape } from '../../main/core/errors.ts';
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

export function errorText(t: TFunction, error: AppErrorShape): string {
  return t(`errors.${error.code}`);
}

/** A saved 12000 shows as "12,000", the way it was typed or pasted; parseNumberCell reads it back. */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

export function formatAmount(value: number): string {
  return GROUPED.format(value);
}
