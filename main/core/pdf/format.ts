/**
 * Numbers as a plan document prints them, always with Arabic digits here: the whole document is turned to
 * Thai digits at the end when asked (digits.ts), so no builder has to remember it.
 */

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1250000 → "1,250,000"; 12.5 → "12.5"; null → the dash of an empty cell. */
export function amount(value: number | null, dash = '–'): string {
  return value === null ? dash : GROUPED.format(value);
}

/** Percentages as the evaluation wizard shows them: one decimal. */
export function percent(value: number | null, dash = '–'): string {
  return value === null ? dash : value.toFixed(1);
}

/** Weights, ratings times weights, scores and positions: two decimals, as the workshop writes them. */
export function two(value: number | null, dash = '–'): string {
  return value === null ? dash : value.toFixed(2);
}
