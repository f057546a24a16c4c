/**
 * What every chart shares: the font (Sarabun, shipped in resources/fonts, so the screen and the PDF draw the
 * same glyphs) and escaping of text placed in SVG (names typed by users must never become markup).
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
