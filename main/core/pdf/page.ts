import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { BODY_STYLE, PAGE_MARGINS, STYLES } from './blocks.ts';

/**
 * Page furniture shared by the documents: A4, the margins, the plan's title in the header over a thin rule,
 * the page number centred in the footer. The definition crosses into the PDF worker as plain data
 * (services/pdf/render.ts), so header and footer are static content in which the engine replaces
 * PAGE_NUMBER on each page, in the digits asked for, counting from the first numbered page.
 */

/** The engine's page-number placeholder (services/pdf/engine/prepare.ts; a test keeps the two equal). */
export const PAGE_NUMBER = '{{page}}';

export type PageSetup = Pick<
  TDocumentDefinitions,
  'pageSize' | 'pageOrientation' | 'pageMargins' | 'defaultStyle' | 'styles' | 'header' | 'footer'
>;

export function pageSetup(title: string): PageSetup {
  const [left, , right] = PAGE_MARGINS;
  // A one-cell table draws the rule under the title: it takes the page's width in portrait and landscape alike.
  const header: Content = {
    table: {
      widths: ['*'],
      body: [[{ text: title, style: 'header', alignment: 'right', border: [false, false, false, true] }]],
    },
    layout: 'phaenRules',
    margin: [left, 28, right, 0],
  };
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    defaultStyle: BODY_STYLE,
    styles: STYLES,
    header,
    footer: { text: PAGE_NUMBER, style: 'footer', alignment: 'center', margin: [left, 18, right, 0] },
  };
}
