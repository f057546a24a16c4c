/**
 * Copy and search in the printed PDF: the text every common reader extracts equals what was typed, with no
 * normalisation to hide a difference. pdf.js (Firefox) reads glyphs through the ToUnicode map in drawing
 * order; poppler (Evince, Okular, pdftotext in its default, -layout and -raw modes) orders glyphs by place
 * and honours /ActualText, as Acrobat does. Real Thai government text: the founding news item and the
 * sample plan's own paragraphs.
 */
import { readFileSync } from 'node:fs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseThai } from '../../main/core/thaiBreak.ts';
import { renderPdf } from '../../main/services/pdf/render.ts';
import { type PopplerMode, extractPages, extractionProblems, popplerText } from '../harness/pdf.ts';
import { SAMPLE_FILE } from '../harness/pdfPlan.ts';
import { SEED_TEXT } from '../harness/seed.ts';
import { HAZARDS } from '../harness/thaiHazards.ts';

const A4: Pick<TDocumentDefinitions, 'pageSize' | 'pageMargins'> = { pageSize: 'A4', pageMargins: [85, 57, 57, 57] };

const seedParagraphs = SEED_TEXT.split(/\n/)
  .map((p) => p.trim())
  .filter((p) => p !== '');

/** The sample plan's paragraphs of some length: analysis, goals and projects as a BMA office wrote them. */
function planParagraphs(count: number): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const line of value.split('\n')) if (line.length > 80 && /[\u0E00-\u0E7F]/.test(line)) out.push(line.trim());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')));
  return [...new Set(out)].slice(0, count);
}

const READERS: PopplerMode[] = ['default', 'layout', 'raw'];

describe('text copied or searched in the PDF, read back by pdf.js and poppler without normalisation', () => {
  const texts = [HAZARDS.join(' '), ...seedParagraphs, ...planParagraphs(30)];
  // Left-aligned and justified (spread between clusters), in body and bold type, and in a narrow cell.
  const content: Content[] = [];
  const source: string[] = [];
  for (const bold of [false, true]) {
    for (const [i, text] of texts.entries()) {
      const alignment = i % 2 === 0 ? 'justify' : 'left';
      content.push({ text, bold, alignment, margin: [0, 0, 0, 6] });
      source.push(normaliseThai(text));
    }
  }
  const cells = seedParagraphs.slice(0, 6);
  content.push({ table: { widths: [150], body: cells.map((text) => [{ text }]) }, layout: 'phaenGrid' });
  source.push(...cells.map(normaliseThai));

  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderPdf({ ...A4, content });
  }, 60_000);

  it('extracts in pdf.js exactly the typed characters: ำ as U+0E33, marks in typing order, words whole', async () => {
    const text = (await extractPages(pdf, { exact: true })).join('\f');
    expect(extractionProblems(source, text)).toEqual([]);
    expect(text).not.toContain('\u0E4D\u0E32');
  });

  for (const mode of READERS) {
    it(`extracts in poppler's ${mode} mode exactly the typed characters, no detached mark, words whole`, () => {
      const text = popplerText(pdf, mode);
      expect(extractionProblems(source, text)).toEqual([]);
    });
  }

  it('finds every สำนักงาน and ที่ of the source with every reader', async () => {
    const count = (text: string, word: string) => text.split(word).length - 1;
    const all = source.join('\n');
    const readers = [(await extractPages(pdf, { exact: true })).join(''), ...READERS.map((m) => popplerText(pdf, m))];
    for (const word of ['สำนักงาน', 'ที่', 'กำหนด', 'น้ำ']) {
      expect(count(all, word), word).toBeGreaterThan(0);
      // Line ends may fall between words: search as a reader does, across them.
      for (const text of readers)
        expect(count(text.replace(/\s*\n\s*/g, ''), word), word).toBe(
          count(all.replace(/\s/g, ''), word) === 0 ? 0 : count(all.replace(/\n/g, ''), word),
        );
    }
  });

  it('extracts Thai text of SVG charts as typed too, in pdf.js and in every poppler mode', async () => {
    const label = 'จุดแข็ง ผู้ใหญ่ ที่นี่ น้ำ สำนักงาน';
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 40" width="300" height="40" font-family="Sarabun" font-size="16"><text x="4" y="24">${label}</text></svg>`;
    const chart = await renderPdf({ ...A4, content: [{ svg }] });
    const readers = [
      (await extractPages(chart, { exact: true })).join(''),
      ...READERS.map((m) => popplerText(chart, m)),
    ];
    for (const [i, text] of readers.entries()) expect(extractionProblems([label], text), `reader ${i}`).toEqual([]);
  });
});
