import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { toThaiDigits } from '../years.ts';
import { mapDocumentText } from './text.ts';

/**
 * Thai digits in print (๒๕๖๖): applied once to the finished document rather than at every place a number is
 * written, so that no number is missed: figures, B.E. years and dates, numbered headings, numbers typed into
 * plan text ("นโยบาย 9 ดี") and chart labels where the chart allows (thaiDigitsInSvg); page numbers are the
 * engine's (render.ts option `digits`). Digits written against a Latin letter stay Arabic:
 * they are part of a code (the 2S4M and 7S frameworks, S1, M4), which no one writes as ๒S๔M.
 */

const DIGIT_RUN = /[0-9]+/g;
const LATIN = /[A-Za-z]/;

/** Text in Thai digits, except digits against a Latin letter (codes); also the strategy map's rule. */
export function thaiDigitsInText(text: string): string {
  return text.replace(DIGIT_RUN, (run, offset: number) => {
    const before = text[offset - 1] ?? '';
    const after = text[offset + run.length] ?? '';
    return LATIN.test(before) || LATIN.test(after) ? run : toThaiDigits(run);
  });
}

/**
 * A chart's text in Thai digits: only text between tags (attribute values are coordinates and colours). Only
 * for charts whose labels are anchored on their own (achievement, SWOT position): where a chart places text
 * after measuring a number (the strategy map's item numbers), wider Thai digits would overlap what follows,
 * so that chart converts before it measures (StrategyMapOptions.digits); the document pass below leaves
 * every SVG as drawn and the builders choose.
 */
export function thaiDigitsInSvg(svg: string): string {
  return svg.replace(/>([^<]+)</g, (_m, text: string) => `>${thaiDigitsInText(text)}<`);
}

/** The document with every number in text shown in Thai digits (header and footer are static content). */
export function withThaiDigits(doc: TDocumentDefinitions): TDocumentDefinitions {
  return mapDocumentText(doc, thaiDigitsInText);
}
