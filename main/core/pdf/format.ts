import { groupedNumber, twoDecimalNumber } from '../intl.ts';
import { NO_BREAK_SPACE } from './text.ts';

/**
 * Numbers as a plan document prints them, always with Arabic digits here: the whole document is turned to
 * Thai digits at the end when asked (digits.ts), so no builder has to remember it.
 */

/** 1250000 → "1,250,000"; 12.5 → "12.5"; null → the dash of an empty cell. Quantities: KPI values, targets. */
export function amount(value: number | null, dash = '–'): string {
  return value === null ? dash : groupedNumber().format(value);
}

/**
 * Money in baht as Thai budgets print it: whole baht without decimals, any satang always as two digits
 * (800000.5 → "800,000.50", never "800,000.5"). Rounded to the satang first, so a sum that carries float
 * noise (0.1 + 0.2) does not show satang it does not have.
 */
export function baht(value: number | null, dash = '–'): string {
  if (value === null) return dash;
  const satang = Math.round(value * 100);
  return satang % 100 === 0 ? groupedNumber().format(satang / 100) : twoDecimalNumber().format(satang / 100);
}

/** Percentages as the evaluation wizard shows them: one decimal. */
export function percent(value: number | null, dash = '–'): string {
  return value === null ? dash : value.toFixed(1);
}

/** Weights, ratings times weights, scores and positions: two decimals, as the workshop writes them. */
export function two(value: number | null, dash = '–'): string {
  return value === null ? dash : value.toFixed(2);
}

/**
 * A value with its unit as Thai writes it: "ร้อยละ 90" (ร้อยละ, "per hundred", is read before its number),
 * "90%", and every other unit after the number ("4 ครั้ง", "90 เปอร์เซ็นต์", "24 ชั่วโมง"). Joined by a no-break space, as
 * "พ.ศ." is joined to its year (text.ts), so a line never ends between them.
 */
export function withUnit(value: string, unit: string): string {
  const u = unit.trim();
  if (u === '') return value;
  if (u === '%') return `${value}%`;
  if (u === 'ร้อยละ') return `${u}${NO_BREAK_SPACE}${value}`;
  return `${value}${NO_BREAK_SPACE}${u}`;
}
