import { thaiDigitsInText } from '../pdf/digits.ts';

/**
 * What every chart shares: the font (Sarabun, shipped in resources/fonts, so the screen and the PDF draw the
 * same glyphs), escaping of text placed in SVG (names typed by users must never become markup), and the
 * digits of the text drawn.
 */
export const CHART_FONT = 'Sarabun';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The digits a chart draws its text in. Thai digits are wider than Arabic ones, so a chart that places
 * text by its measured width converts first (`inDigits`) and measures what it draws: converting the finished
 * SVG afterwards would widen text already placed.
 */
export type ChartDigits = 'thai' | 'arabic';

/** Text as drawn in the given digits (codes against a Latin letter stay Arabic: thaiDigitsInText). */
export const inDigits =
  (digits: ChartDigits | undefined) =>
  (text: string): string =>
    digits === 'thai' ? thaiDigitsInText(text) : text;
