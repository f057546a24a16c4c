import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { CHAPTERS, type PdfKind } from '../../main/core/pdf/options.ts';
import type { PlanSource } from '../../main/core/pdf/source.ts';
import { translator } from '../../main/services/locales.ts';
import { renderPdfWithLines } from '../../main/services/pdf/render.ts';
import { comparable, drawnText, extractPages, lineBreakProblems } from '../harness/pdf.ts';
import { RESOURCES, generatedRows, generatedSource, sampleSource } from '../harness/pdfPlan.ts';

/** The documents rendered for real (services/pdf/render.ts) and read back with pdf.js. */

const th = translator(RESOURCES, 'th');

async function print(source: PlanSource, kind: PdfKind = 'plan', thaiDigits = false) {
  const built = buildDocument(kind, {
    source,
    options: { language: 'th', thaiDigits, chapters: CHAPTERS, date: '2021-09-13' },
    t: th,
  });
  const { pdf, lines } = await renderPdfWithLines(built.doc, {
    digits: built.digits,
    firstNumberedPage: built.firstNumberedPage,
  });
  return { pdf, lines, pages: await extractPages(pdf) };
}

async function pageSizes(pdf: Uint8Array): Promise<{ width: number; height: number }[]> {
  const task = getDocument({ data: pdf.slice(), verbosity: 0 });
  const doc = await task.promise;
  try {
    const sizes = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const [, , width, height] = (await doc.getPage(p)).view;
      sizes.push({ width: width!, height: height! });
    }
    return sizes;
  } finally {
    await task.destroy();
  }
}

const DIGITS = '0123456789';
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const toArabic = (s: string) => s.replace(/[๐-๙]/g, (d) => DIGITS[THAI_DIGITS.indexOf(d)]!);

describe('the printed plan', () => {
  it('has the title on the cover, contents whose page numbers lead to each chapter, and every chapter heading', async () => {
    const source = sampleSource();
    const { pdf, pages, lines } = await print(source);
    expect(comparable(pages[0]!)).toContain(comparable(source.plan.title));
    const tocPage = pages.findIndex((p) => p.startsWith(th('pdf.doc.toc.title')));
    expect(tocPage).toBeGreaterThan(0);
    const tocLines = pages
      .slice(tocPage, tocPage + 3)
      .flatMap((p) => p.split('\n'))
      .map(comparable);
    for (const [n, id] of CHAPTERS.filter((c) => c !== 'annexes').entries()) {
      const heading = comparable(`บทที่ ${n + 1} ${th(`pdf.doc.chapter.${id}`)}`);
      // A long title wraps: its line is the heading's lines joined.
      const at = tocLines.findIndex(
        (l) => l.length > 0 && heading.startsWith(l.slice(0, Math.min(l.length, heading.length))),
      );
      let line = tocLines[at] ?? '';
      for (let k = at + 1; line.length <= heading.length && k < tocLines.length; k++) line += tocLines[k];
      const printed = Number(line.slice(heading.length));
      expect(printed, heading).toBeGreaterThan(0);
      // The chapter starts (its number alone on a line, over its title) on the page its contents line names:
      // the cover is not numbered, so printed page n is the (n + 1)-th page of the file.
      const physical = pages.findIndex((p) => p.split('\n').some((l) => l.trim() === `บทที่ ${n + 1}`));
      expect(physical, heading).toBe(printed);
      expect(comparable(pages[physical]!)).toContain(heading);
    }
    // No missing glyph anywhere, and every line of text and table cell breaks where Thai allows.
    expect(
      drawnText(pdf)
        .flatMap((d) => d.glyphs)
        .filter((g) => g === 0),
    ).toEqual([]);
    expect(lineBreakProblems(lines)).toEqual([]);
    // A landscape page for the project table, portrait around it.
    const sizes = await pageSizes(pdf);
    expect(sizes.some((s) => s.width > s.height)).toBe(true);
    expect(sizes[0]!.height).toBeGreaterThan(sizes[0]!.width);
  });

  it('numbers pages and contents in Thai digits when asked', async () => {
    const { pages } = await print(sampleSource(), 'plan', true);
    expect(pages[1]!.trim().endsWith('๑')).toBe(true);
    const all = pages.join('\n');
    expect(all).toContain('บทที่ ๑');
    expect(all).toContain('๑๓ กันยายน ๒๕๖๔');
    // Page numbers of the footer: Thai digits only (codes like 2S4M keep theirs elsewhere).
    for (const page of pages.slice(1)) expect(page.trim()).toMatch(/[๐-๙]+$/);
    expect(toArabic(pages[2]!)).toMatch(/\d/);
  });
});

describe('the handouts', () => {
  it('fit the summary on one A4 page, for the sample and for a plan with many issues, goals and KPIs', async () => {
    const sample = await print(sampleSource(), 'summary');
    expect(sample.pages).toHaveLength(1);
    expect(comparable(sample.pages[0]!)).toContain(comparable(sampleSource().plan.title));
    const big = generatedSource(generatedRows({ issues: 8, goals: 4, kpis: 5, strategies: 1, projects: 0, seed: 7 }));
    const printed = await print(big, 'summary', true);
    expect(printed.pages).toHaveLength(1);
    expect(lineBreakProblems(printed.lines)).toEqual([]);
  });

  it('print the strategy map on at most two landscape pages, each with the plan title', async () => {
    const { pdf, pages } = await print(sampleSource(), 'map');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    for (const page of pages) expect(comparable(page)).toContain(comparable(sampleSource().plan.title));
    for (const size of await pageSizes(pdf)) expect(size.width).toBeGreaterThan(size.height);
  });
});
