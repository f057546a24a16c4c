import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { PAGE_MARGINS } from '../../main/core/pdf/blocks.ts';
import { thaiDigitsInText } from '../../main/core/pdf/digits.ts';
import { renderPdf } from '../../main/services/pdf/render.ts';
import { translator } from '../../main/services/locales.ts';
import { extractPages, popplerText } from '../harness/pdf.ts';
import { RESOURCES, sampleSource } from '../harness/pdfPlan.ts';
import { overprinted, pastMargin, pdfjsBoxes, popplerBoxes } from '../harness/textBoxes.ts';

/**
 * The sample plan's charts as printed (the previous plan's achievement, the SWOT position, the strategy map:
 * chapters 2–4), in both digit sets, read back from the rendered PDF by pdf.js and poppler: no text over other
 * text or into the margin, and in a Thai-digit plan no number left in Arabic digits (codes such as S1 aside).
 */

const th = translator(RESOURCES, 'th');

const rendered = new Map<boolean, ReturnType<typeof render>>();
/** Rendered once per digit set for all the tests below. */
const chartPages = (thaiDigits: boolean) =>
  rendered.get(thaiDigits) ?? rendered.set(thaiDigits, render(thaiDigits)).get(thaiDigits)!;

async function render(thaiDigits: boolean) {
  const { doc, numbering } = buildDocument('plan', {
    source: sampleSource(),
    options: { language: 'th', thaiDigits, chapters: ['evaluation', 'situation', 'plan'], date: '2021-09-13' },
    t: th,
  });
  const pdf = await renderPdf(doc, { numbering });
  const pages = await extractPages(pdf);
  // The pages that hold a figure: its caption, แผนภาพที่ …
  const figures = pages.flatMap((text, i) => (/แผนภาพที่ [0-9๐-๙]/.test(text) ? [i + 1] : []));
  return { pdf, pages, figures };
}

describe('the plan’s charts in print', () => {
  it.each([false, true])(
    'draw no text over other text or into the margin (Thai digits: %s; pdf.js and poppler)',
    async (thaiDigits) => {
      const { pdf, figures } = await chartPages(thaiDigits);
      expect(figures.length).toBeGreaterThanOrEqual(3);
      const onFigures = (boxes: { page: number }[]) => boxes.filter((b) => figures.includes(b.page));
      const boxes = onFigures(await pdfjsBoxes(pdf)) as Awaited<ReturnType<typeof pdfjsBoxes>>;
      expect(overprinted(boxes)).toEqual([]);
      expect(overprinted(onFigures(popplerBoxes(pdf)) as ReturnType<typeof popplerBoxes>)).toEqual([]);
      expect(pastMargin(boxes, PAGE_MARGINS[2])).toEqual([]);
    },
    120_000,
  );

  it('print every figure of the charts in Thai digits in a Thai-digit plan', async () => {
    const { pdf, pages, figures } = await chartPages(true);
    const poppler = popplerText(pdf, 'default').split('\f');
    for (const page of figures) {
      for (const text of [pages[page - 1]!, poppler[page - 1]!]) {
        // As the document's rule writes them: a number converted unless it is part of a code (S1, 2S4M).
        expect(thaiDigitsInText(text), `page ${page}`).toBe(text);
      }
    }
    const all = pages.join('\n');
    // The SWOT point and scale, the achievement chart's scale.
    for (const drawn of ['(๒.๐๐, ๑.๕๐)', '-๔.๐๐', '๑๐๐%', '๕๐%']) expect(all).toContain(drawn);
  }, 120_000);
});
