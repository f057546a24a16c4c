import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BODY_SIZE, PAGE_MARGINS, TABLE_SIZE } from '../../main/core/pdf/blocks.ts';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { CHAPTERS, type ChapterId, type PdfKind } from '../../main/core/pdf/options.ts';
import type { PlanSource } from '../../main/core/pdf/source.ts';
import { translator } from '../../main/services/locales.ts';
import { type LaidOutLine, renderPdfWithLines } from '../../main/services/pdf/render.ts';
import {
  comparable,
  drawnText,
  extractPages,
  lineBreakProblems,
  popplerText,
  tableRowsOutOfOrder,
} from '../harness/pdf.ts';
import {
  cardsSplit,
  kpiNamesSplit,
  listLinesAlone,
  nearEmptyPages,
  pagesLeftShort,
  popplerPages,
  shortJustifiedLines,
  strandedHeadings,
  tableBreaks,
  tableTails,
  tailsBeforeTurns,
  widowsAndOrphans,
} from '../harness/pages.ts';
import { pdfjsBoxes, popplerBoxes } from '../harness/textBoxes.ts';
import { RESOURCES, generatedRows, generatedSource, sampleSource, withBackground } from '../harness/pdfPlan.ts';
import { GOVERNMENT_PARAGRAPHS } from '../harness/seed.ts';

/** The documents rendered for real (services/pdf/render.ts) and read back with pdf.js. */

const th = translator(RESOURCES, 'th');

async function print(
  source: PlanSource,
  kind: PdfKind = 'plan',
  thaiDigits = false,
  chapters: readonly ChapterId[] = CHAPTERS,
) {
  const built = buildDocument(kind, {
    source,
    options: { language: 'th', thaiDigits, chapters, date: '2021-09-13' },
    t: th,
  });
  const { pdf, lines } = await renderPdfWithLines(built.doc, { numbering: built.numbering });
  return { pdf, lines, pages: await extractPages(pdf), doc: built.doc };
}

/** The sample plan printed once per kind and digit set, read by every test here that only reads it. */
const samplePrints = new Map<string, ReturnType<typeof print>>();
function printedSample(kind: PdfKind = 'plan', thaiDigits = false) {
  const key = `${kind} ${thaiDigits}`;
  if (!samplePrints.has(key)) samplePrints.set(key, print(sampleSource(), kind, thaiDigits));
  return samplePrints.get(key)!;
}

/** The page labels a viewer shows (pdf.js), one per page. */
async function pageLabels(pdf: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: pdf.slice(), verbosity: 0 });
  try {
    return (await (await task.promise).getPageLabels()) ?? [];
  } finally {
    await task.destroy();
  }
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

/** Every text of the body (running head and page number left out) with its printed size, read by pdf.js. */
async function textItems(pdf: Uint8Array): Promise<{ page: number; size: number; text: string }[]> {
  const task = getDocument({ data: pdf.slice(), verbosity: 0 });
  const doc = await task.promise;
  try {
    const items = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const height = page.view[3]!;
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , c, d, , y] = item.transform as number[];
        if (y! < PAGE_MARGINS[3] || y! > height - PAGE_MARGINS[1]) continue;
        items.push({ page: p, size: Math.hypot(c!, d!), text: item.str });
      }
    }
    return items;
  } finally {
    await task.destroy();
  }
}

/** The same read by poppler (pdftohtml at three times the scale, its most, so its whole-number sizes are within a sixth of a point). */
function popplerSizes(pdf: Uint8Array): { page: number; size: number; text: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'phaen-sizes-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-zoom', '3', '-stdout', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    return [...xml.matchAll(/<page number="(\d+)"[^>]* height="(\d+)"[^>]*>([\s\S]*?)<\/page>/g)].flatMap((page) => {
      const height = Number(page[2]) / 3;
      const sizes = new Map(
        [...(page[3] ?? '').matchAll(/<fontspec id="(\d+)" size="(\d+)"/g)].map((f) => [f[1], Number(f[2]) / 3]),
      );
      // Font specs are numbered once for the document: those of earlier pages are not repeated.
      for (const f of xml.matchAll(/<fontspec id="(\d+)" size="(\d+)"/g))
        if (!sizes.has(f[1])) sizes.set(f[1], Number(f[2]) / 3);
      return [
        ...(page[3] ?? '').matchAll(
          /<text top="(\d+)" left="\d+" width="\d+" height="(\d+)" font="(\d+)">([\s\S]*?)<\/text>/g,
        ),
      ]
        .filter((text) => {
          const top = Number(text[1]) / 3;
          return top + Number(text[2]) / 3 > PAGE_MARGINS[1] && top < height - PAGE_MARGINS[3];
        })
        .map((text) => ({
          page: Number(page[1]),
          size: sizes.get(text[3]) ?? 0,
          text: (text[4] ?? '').replace(/<[^>]*>/g, ''),
        }))
        .filter((text) => text.text.trim() !== '');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DIGITS = '0123456789';
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const toArabic = (s: string) => s.replace(/[๐-๙]/g, (d) => DIGITS[THAI_DIGITS.indexOf(d)]!);

describe('the printed plan', () => {
  it('has the title on the cover, contents whose page numbers lead to each chapter, and every chapter heading', async () => {
    const source = sampleSource();
    const { pdf, pages, lines } = await printedSample();
    const labels = await pageLabels(pdf);
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
      // After the title, its leader dots, then the page number.
      const printed = /^\.+(\d+)$/.exec(line.slice(heading.length))?.[1];
      expect(printed, heading).toBeDefined();
      // The chapter starts (its number alone on a line, over its title) on the page its contents line names:
      // the page whose label (what its footer prints) is that number.
      const physical = pages.findIndex((p) => p.split('\n').some((l) => l.trim() === `บทที่ ${n + 1}`));
      expect(labels[physical], heading).toBe(printed);
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
  }, 120_000); // the first render of the sample (the worker starts): seconds, more on a loaded machine

  it('numbers pages and contents in Thai digits when asked', async () => {
    const { pages } = await printedSample('plan', true);
    // The foreword is the first page of the front matter (ก), the first chapter page ๑.
    expect(pages[1]!.trim().endsWith('ก')).toBe(true);
    const first = pages.findIndex((p) => p.split('\n').some((l) => l.trim() === 'บทที่ ๑'));
    expect(pages[first]!.trim()).toMatch(/\s๑$/);
    const all = pages.join('\n');
    expect(all).toContain('บทที่ ๑');
    expect(all).toContain('๑๓ กันยายน ๒๕๖๔');
    // Page numbers of the footer: Thai digits only (codes like 2S4M keep theirs elsewhere).
    for (const page of pages.slice(first)) expect(page.trim()).toMatch(/[๐-๙]+$/);
    expect(toArabic(pages[2]!)).toMatch(/\d/);
  });

  it('numbers lists in the digits of the document, each item hanging beside its number, in text and in table cells', async () => {
    const arabic = await printedSample();
    const thai = await printedSample('plan', true);
    // Stray Arabic digits: any not written against a Latin letter (codes such as S1 and 2S4M keep theirs).
    const stray = thai.pages.flatMap((p) =>
      [...p.matchAll(/[0-9]+/g)].filter(
        (m) => !/[A-Za-z]/.test(p.slice(Math.max(0, m.index - 1), m.index + m[0].length + 1)),
      ),
    );
    expect(stray).toEqual([]);
    const markers = (lines: LaidOutLine[], digits: RegExp) => lines.filter((l) => digits.test(l.text.trim()));
    const before = markers(arabic.lines, /^[0-9]+\.$/);
    const after = markers(thai.lines, /^[๐-๙]+\.$/);
    // The objectives (1.2), the TOWS matrix cells and the chosen strategies (3.5) at least.
    expect(before.length).toBeGreaterThan(10);
    // Same lists, numbers and places across the line (a Thai page may break elsewhere: other text is wider).
    expect(after.map((l) => [l.x, toArabic(l.text.trim())])).toEqual(before.map((l) => [l.x, l.text.trim()]));
    // The item's text starts beside its number and every further line of it hangs under that start, as in
    // pdfmake's own lists (Thai digits are wider, so the text sits a little further right).
    const itemLines = (lines: LaidOutLine[], marker: LaidOutLine) => {
      const first = lines.find((l) => l.page === marker.page && l.y === marker.y && l.x > marker.x);
      return lines.filter((l) => first && l.page === first.page && l.paragraph === first.paragraph);
    };
    after.forEach((marker, i) => {
      const printed = itemLines(thai.lines, marker);
      const was = itemLines(arabic.lines, before[i]!);
      expect(printed.length).toBeGreaterThan(0);
      for (const line of printed) expect(line.x).toBe(printed[0]!.x);
      expect(Math.abs(printed[0]!.x - was[0]!.x)).toBeLessThan(3);
    });
    expect(after.some((marker) => itemLines(thai.lines, marker).length > 1)).toBe(true);
  }, 120_000); // two renders of the sample: seconds each, more on a loaded machine

  // Copy and search read a table row by row, each cell whole (issue 10 #6): pdf.js and poppler's raw mode follow
  // the order the engine draws in. Poppler's default mode (Evince's copy) orders text by its own block
  // heuristics instead: it groups a cell's lines only when they are less than 1.5 em apart (Word's single
  // spacing of TH SarabunPSK, which the tables keep, is 1.91 em of Sarabun) and reads aligned cells as columns,
  // so it is not held to this (a Chromium-printed PDF of the same tables fares no better there).
  it('reads every table row in order, its cells one after the other, in pdf.js and poppler raw mode, both digit sets', async () => {
    for (const thaiDigits of [false, true]) {
      const { pdf, doc } = await printedSample('plan', thaiDigits);
      const exact = (await extractPages(pdf, { exact: true })).join('\n');
      expect(tableRowsOutOfOrder(doc, exact)).toEqual([]);
      expect(tableRowsOutOfOrder(doc, popplerText(pdf, 'raw'))).toEqual([]);
    }
  }, 120_000);

  // Pagination a typesetter would sign off (issue 10 #4), checked on the pages as printed: the sample plan and
  // a large generated one, in both digit sets (Thai digits are wider, so pages break elsewhere). The large plan's
  // background is real government text, whose paragraphs run over pages (the sample's never do).
  const area = { top: PAGE_MARGINS[1], bottom: PAGE_MARGINS[3] };
  const isHeading = (line: LaidOutLine) =>
    line.pieces.every((p) => /Bold/.test(p.font) && p.fontSize >= BODY_SIZE - 0.01) &&
    Math.abs(line.x - PAGE_MARGINS[0]) < 1;
  const plans: [string, (thaiDigits: boolean) => ReturnType<typeof print>][] = [
    ['the sample plan', (thaiDigits) => printedSample('plan', thaiDigits)],
    [
      'a large generated plan',
      (thaiDigits) =>
        print(
          withBackground(
            generatedSource(generatedRows({ issues: 6, goals: 3, kpis: 4, strategies: 3, projects: 3, seed: 3 })),
            GOVERNMENT_PARAGRAPHS,
          ),
          'plan',
          thaiDigits,
        ),
    ],
  ];
  for (const [name, printed] of plans) {
    for (const thaiDigits of [false, true]) {
      it(`lays out ${name} in ${thaiDigits ? 'Thai' : 'Arabic'} digits with no near-empty page, stranded heading, widow, orphan or split KPI`, async () => {
        const { pdf, lines } = await printed(thaiDigits);
        const pages = popplerPages(pdf, area);
        expect(nearEmptyPages(pages, area)).toEqual([]);
        // A section moved on whole leaves no page short before it (a heading moves only where what it keeps does
        // not fit).
        expect(pagesLeftShort(pages, area)).toEqual([]);
        // Nor a table broken with its head and less than two rows at a foot, or leaving a third of a page empty.
        expect(tableBreaks(pages, area)).toEqual([]);
        // Nor a table's last rows alone on a page left mostly empty (the large plan's budget summary).
        expect(tableTails(pages, area)).toEqual([]);
        // Nor a section's last lines so before the pages turn to landscape (the large plan's strategies in Thai digits).
        expect(tailsBeforeTurns(pages, area)).toEqual([]);
        // The contents (front matter, laid out in columns, its bold entries alike to headings) are not paginated
        // by the engine yet: headings, widows and orphans are checked from chapter 1.
        const body = lines.filter((l) => l.page >= firstChapterPage(lines));
        expect(strandedHeadings(body, pages, area, isHeading)).toEqual([]);
        // Widows and orphans need a paragraph that runs over a page: the sample has none (each of its paragraphs
        // fits on its page), which the check refuses to judge rather than pass.
        if (name === 'the sample plan') expect(() => widowsAndOrphans(body, pages, area)).toThrow(/no paragraph/);
        else expect(widowsAndOrphans(body, pages, area)).toEqual([]);
        // Nor a list's first line alone at a foot or its last alone at a top (the sample's "5. สำนักงานเขตจตุจักร"),
        // as pdf.js and poppler read the pages.
        expect(listLinesAlone(await pdfjsBoxes(pdf), area)).toEqual([]);
        expect(listLinesAlone(popplerBoxes(pdf), area)).toEqual([]);
        expect(lines.filter(isHeading).length).toBeGreaterThan(30);
        // Justified paragraphs with both edges straight: each line but the last reaches the right edge.
        expect(lines.filter((l) => l.justified && !l.lastInParagraph).length).toBeGreaterThan(5);
        expect(shortJustifiedLines(lines)).toEqual([]);
        // Every KPI card of the annex (definition to responsible unit) on one page.
        expect(cardsSplit(lines, th('pdf.doc.annexes.definition'), th('pdf.doc.plan.responsible'))).toEqual([]);
        // Every KPI of chapter 4 (its name across the table over its targets) on one page.
        expect(kpiNamesSplit(lines, BODY_SIZE)).toEqual([]);
        // A large plan takes several layouts (headings moved, rows kept, pages filled): seconds, not a timing.
      }, 120_000);
    }
  }
});

/** The page on which chapter 1 starts (its number alone on a line in the chapter title's size, not the contents'). */
function firstChapterPage(lines: readonly LaidOutLine[]): number {
  return (
    lines.find((l) => /^บทที่ [1๑]$/.test(l.text.trim()) && (l.pieces[0]?.fontSize ?? 0) > BODY_SIZE + 0.01)?.page ?? 1
  );
}

describe('the handouts', () => {
  it('fit the summary on one A4 page, for the sample and for a plan with many issues, goals and KPIs', async () => {
    const sample = await printedSample('summary');
    expect(sample.pages).toHaveLength(1);
    expect(comparable(sample.pages[0]!)).toContain(comparable(sampleSource().plan.title));
    const big = generatedSource(generatedRows({ issues: 8, goals: 4, kpis: 5, strategies: 1, projects: 0, seed: 7 }));
    const printed = await print(big, 'summary', true);
    expect(printed.pages).toHaveLength(1);
    expect(lineBreakProblems(printed.lines)).toEqual([]);
  });

  // The map handout's two pages balanced: each drawing fills a fair part of its page and neither is much
  // shorter than the other; the sample's cut falls between two strategic issues (no issue marked continued);
  // one strategy taller than a page is cut between its projects, carried over marked continued, its text at
  // the tables' size or larger (pdf.js and poppler).
  it('balance the strategy map over its two pages, cut between issues in the sample, inside a strategy taller than a page', async () => {
    const plans: [string, PlanSource][] = [
      ['sample', sampleSource()],
      ...[
        [3, 2, 1],
        [4, 1, 2],
        [6, 1, 1],
        [2, 3, 2],
        [1, 1, 10],
      ].map(([issues, goals, projects]): [string, PlanSource] => [
        `${issues} issues ${projects} projects`,
        generatedSource(generatedRows({ issues, goals, kpis: 1, strategies: 1, projects, seed: issues! + goals! })),
      ]),
    ];
    for (const [name, source] of plans) {
      for (const thaiDigits of [false, true]) {
        const { pdf } = await print(source, 'map', thaiDigits);
        const pages = popplerPages(pdf, { top: 0, bottom: 0 });
        expect(pages, name).toHaveLength(2);
        // The drawn height of each page: its first text line (the title) to its last (the map's lowest box).
        const filled = pages.map((page) => {
          const ys = page.lines.map((l) => l.y);
          return (Math.max(...ys) - Math.min(...ys)) / page.height;
        });
        expect(Math.min(...filled), `${name}: ${filled.join(' ')}`).toBeGreaterThan(0.4);
        expect(Math.min(...filled) / Math.max(...filled), `${name}: ${filled.join(' ')}`).toBeGreaterThan(0.6);
        if (name === '1 issues 10 projects') {
          // Its issue, goal and strategy carried over to the second page, each marked continued.
          const marks = pages.map(
            (page) =>
              comparable(page.lines.map((l) => l.text).join(' ')).split(comparable(th('pdf.map.continued'))).length - 1,
          );
          expect(marks).toEqual([0, 3]);
          const small = (await textItems(pdf)).filter((i) => i.size < TABLE_SIZE - 0.01);
          expect(small.map((i) => `${i.page}: ${i.size.toFixed(2)} ${i.text}`)).toEqual([]);
          const popplerSmall = popplerSizes(pdf).filter((i) => i.size < TABLE_SIZE - 1 / 6);
          expect(popplerSmall.map((i) => `${i.page}: ${i.size} ${i.text}`)).toEqual([]);
        }
        if (name === 'sample') {
          const text = pages.map((page) => comparable(page.lines.map((l) => l.text).join(' ')));
          expect(text.join(' ')).not.toContain(comparable(th('pdf.map.continued')));
          const issues = source.rows.filter((r) => r.entity === 'strategicIssue');
          for (const issue of issues) {
            const start = comparable(String(issue.data.name)).replace(/\s+/g, '').slice(0, 18);
            const on = text.filter((page) => page.replace(/\s+/g, '').includes(start));
            expect(on, String(issue.data.name)).toHaveLength(1);
          }
        }
      }
    }
  }, 120_000);

  // The map is cut within an issue (between goals, then strategies) rather than shrunk: in chapter 4 and in the
  // handout, every word of it prints at least at the tables' size, read by pdf.js and by poppler.
  it("print every word of the strategy map at least at the tables' size, sample and large plan, both digits", async () => {
    const large = () =>
      generatedSource(generatedRows({ issues: 6, goals: 3, kpis: 4, strategies: 3, projects: 3, seed: 3 }));
    const caption = new RegExp(
      comparable(th('pdf.map.pageOf', { page: '@', pages: '@' }))
        .replace(/[()]/g, '\\$&')
        .replace(/@/g, '[0-9]+'),
    );
    for (const [name, source] of [
      ['sample', sampleSource],
      ['large', large],
    ] as const) {
      for (const thaiDigits of [false, true]) {
        for (const kind of ['plan', 'map'] as const) {
          // The plan's chapter 4 only (the map's), as the others take long to lay out and hold no map.
          const { pdf } = await print(source(), kind, thaiDigits, ['plan']);
          const items = await textItems(pdf);
          // In the plan, the pages of the map: its caption and its column headings (not the list of figures).
          const onMap = (page: number) =>
            kind === 'map' ||
            (caption.test(
              toArabic(
                comparable(
                  items
                    .filter((i) => i.page === page)
                    .map((i) => i.text)
                    .join(''),
                ),
              ),
            ) &&
              items.some((i) => i.page === page && i.text.trim() === th('pdf.map.projects')));
          const pages = [...new Set(items.map((i) => i.page))].filter(onMap);
          const label = `${name} ${kind} ${thaiDigits ? 'Thai' : 'Arabic'}`;
          if (name === 'large') expect(pages.length, label).toBeGreaterThan(kind === 'map' ? 2 : 6);
          const small = items.filter((i) => pages.includes(i.page) && i.size < TABLE_SIZE - 0.01);
          expect(
            small.map((i) => `${i.page}: ${i.size.toFixed(2)} ${i.text}`),
            label,
          ).toEqual([]);
          const popplerSmall = popplerSizes(pdf).filter((i) => pages.includes(i.page) && i.size < TABLE_SIZE - 1 / 6);
          expect(
            popplerSmall.map((i) => `${i.page}: ${i.size} ${i.text}`),
            label,
          ).toEqual([]);
        }
      }
    }
  }, 300_000);

  it('print the strategy map on at most two landscape pages, each with the plan title', async () => {
    const { pdf, pages } = await printedSample('map');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    for (const page of pages) expect(comparable(page)).toContain(comparable(sampleSource().plan.title));
    for (const size of await pageSizes(pdf)) expect(size.width).toBeGreaterThan(size.height);
  });
});
