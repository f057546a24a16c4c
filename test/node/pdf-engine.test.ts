/**
 * The Thai PDF engine (issue 5), checked on real PDFs parsed back: text round trip through pdf.js, the glyph
 * ids the content streams draw, and every laid-out line against the Thai break rules.
 */
import type { Content, Margins, TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../main/core/charts/textWidth.ts';
import { AppError } from '../../main/core/errors.ts';
import { breakOpportunities, normaliseThai } from '../../main/core/thaiBreak.ts';
import {
  type LaidOutLine,
  PAGE_COUNT,
  PAGE_NUMBER,
  engineSettings,
  renderPdf,
  renderPdfWithLines,
} from '../../main/services/pdf/render.ts';
import { typeset } from '../../main/services/pdf/engine/typeset.ts';
import { comparable, drawnText, extractPages, lineBreakProblems, paragraphs } from '../harness/pdf.ts';
import { SEED_TEXT } from '../harness/seed.ts';
import { HAZARDS } from '../harness/thaiHazards.ts';
import { shortJustifiedLines } from '../harness/pages.ts';

const seedParagraphs = SEED_TEXT.split(/\n/)
  .map((p) => p.trim())
  .filter((p) => p !== '');

const STYLES = [
  { name: 'regular', bold: false, italics: false },
  { name: 'bold', bold: true, italics: false },
  { name: 'italic', bold: false, italics: true },
  { name: 'bold italic', bold: true, italics: true },
] as const;

const A4: Pick<TDocumentDefinitions, 'pageSize' | 'pageMargins'> = { pageSize: 'A4', pageMargins: [85, 57, 57, 57] };

/** Seed text cut into pieces of about `words` space-separated chunks, for table cells. */
function chunks(words: number): string[] {
  const all = seedParagraphs.join(' ').split(' ');
  const out: string[] = [];
  for (let i = 0; i < all.length; i += words) out.push(all.slice(i, i + words).join(' '));
  return out;
}

/**
 * A paragraph, a spacer `space` pt tall, headings kept with what follows (keepWithNext) and a table whose heads
 * pdfmake keeps with its first row, its rows each kept whole.
 */
function headingsOverTable(
  space: number,
  headings: readonly string[],
  rows: readonly string[][],
): TDocumentDefinitions {
  return {
    ...A4,
    content: [
      { text: 'ย่อหน้าแรกของหน้า' },
      { text: '', margin: [0, space, 0, 0] },
      ...headings.map((text) => ({ text, bold: true, keepWithNext: true })),
      {
        table: {
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths: [50, '*'],
          body: [['ลำดับที่', 'ตัวชี้วัด'], ...rows],
        },
        layout: 'phaenGrid',
      },
    ],
  } as TDocumentDefinitions;
}

/** A table of narrow columns that keeps rows whole, so pdf.js reads the cells in source order. */
function narrowTable(cells: string[], widths: number[], style: object = {}): Content {
  const body: Content[][] = [];
  for (let i = 0; i < cells.length; i += widths.length) {
    const row = cells.slice(i, i + widths.length).map((text) => ({ text, ...style }));
    while (row.length < widths.length) row.push({ text: '', ...style });
    body.push(row);
  }
  return { table: { widths, body, dontBreakRows: true }, layout: 'phaenGrid' };
}

const missingGlyphs = (pdf: Uint8Array) => drawnText(pdf).flatMap((t) => (t.glyphs.includes(0) ? [t.font] : []));

describe('the founding news item and the hazard list, in every style', () => {
  // One-column tables: pdf.js reads a row broken over two pages in order, whereas the cells of a
  // multi-column row interleave (multi-column tables are checked by their laid-out lines below).
  const cells = chunks(4);
  const source: string[] = [];
  const content: Content[] = [];
  for (const style of STYLES) {
    const { bold, italics } = style;
    content.push({ text: `${style.name}: ${HAZARDS.join(' ')}`, bold, italics });
    content.push(...seedParagraphs.map((text): Content => ({ text, bold, italics, margin: [0, 0, 0, 6] })));
    content.push(narrowTable(HAZARDS, [40], { bold, italics }));
    content.push(narrowTable(cells, [120], { bold, italics }));
    source.push(`${style.name}: ${HAZARDS.join(' ')}`, ...seedParagraphs, ...HAZARDS, ...cells);
  }
  const doc: TDocumentDefinitions = { ...A4, content };
  let pdf: Uint8Array;
  let lines: LaidOutLine[];
  let pages: string[];

  beforeAll(async () => {
    ({ pdf, lines } = await renderPdfWithLines(doc));
    pages = await extractPages(pdf);
  }, 60_000);

  it('extracts (pdf.js, NFKC, no whitespace) exactly the source text', () => {
    expect(pages.length).toBeGreaterThan(4);
    expect(comparable(pages.join(''))).toBe(comparable(normaliseThai(source.join(''))));
  });

  it('draws no missing glyph and extracts no replacement character', () => {
    const drawn = drawnText(pdf);
    expect(new Set(drawn.map((t) => t.font.replace(/^[A-Z]{6}\+/, '')))).toEqual(
      new Set(['Sarabun-Regular', 'Sarabun-Bold', 'Sarabun-Italic', 'Sarabun-BoldItalic']),
    );
    expect(drawn.reduce((n, t) => n + t.glyphs.length, 0)).toBeGreaterThan(10_000);
    expect(missingGlyphs(pdf)).toEqual([]);
    for (const bad of ['\uFFFD', '\u0000', '\u200B']) expect(pages.join('')).not.toContain(bad);
  });

  it('breaks every line at a word boundary, in paragraphs and in narrow cells', () => {
    expect(lineBreakProblems(lines)).toEqual([]);
    // The check has something to check: many breaks fall between Thai words, not after spaces.
    let thaiBreaks = 0;
    for (const group of paragraphs(lines)) {
      for (const line of group.slice(0, -1)) if (/[\u0E00-\u0E7F]$/.test(line.text)) thaiBreaks++;
    }
    expect(thaiBreaks).toBeGreaterThan(200);
  });
});

describe('line breaking rules', () => {
  it('breaks lines at word boundaries in every cell of a multi-column table, losing no text', async () => {
    const cells = [...HAZARDS, ...chunks(3)];
    const { pdf, lines } = await renderPdfWithLines({
      ...A4,
      content: STYLES.map(({ bold, italics }) => narrowTable(cells, [48, 70, 96, 130], { bold, italics })),
    });
    expect(lineBreakProblems(lines)).toEqual([]);
    const laidOut = paragraphs(lines).map((group) => group.map((l) => l.text).join(''));
    for (const cell of cells) expect(laidOut).toContain(normaliseThai(cell));
    const extracted = comparable((await extractPages(pdf)).join(''));
    expect([...extracted].sort()).toEqual([...comparable(normaliseThai(cells.join('').repeat(4)))].sort());
    expect(missingGlyphs(pdf)).toEqual([]);
  });

  it('cuts a word too long for its cell only between grapheme clusters', async () => {
    const words = ['ประชาสัมพันธ์', 'กรุงเทพมหานคร', 'ผู้ใหญ่ปั้นน้ำ', 'ที่นี่ก๋วยเตี๋ยว'];
    const { pdf, lines } = await renderPdfWithLines({
      ...A4,
      content: narrowTable(words, [28, 28, 28, 28]),
    });
    expect(lineBreakProblems(lines)).toEqual([]);
    const byText = paragraphs(lines);
    for (const word of words) {
      const group = byText.find((g) => g.map((l) => l.text).join('') === word);
      expect([word, (group?.length ?? 0) > 1]).toEqual([word, true]);
      for (const line of group ?? []) {
        expect(line.width).toBeLessThanOrEqual(line.maxWidth + 0.01);
        expect(line.text).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
      }
    }
    expect(comparable((await extractPages(pdf)).join(''))).toBe(comparable(words.join('')));
  });

  it('keeps a word whole across differently styled pieces, and keeps each piece its style', async () => {
    const { lines } = await renderPdfWithLines({
      ...A4,
      content: {
        table: {
          widths: [80],
          body: [[{ text: [{ text: 'แผนยุทธ', bold: true }, { text: 'ศาสตร์', italics: true }, 'การประชาสัมพันธ์'] }]],
        },
      },
    });
    expect(lineBreakProblems(lines)).toEqual([]);
    expect(lines.map((l) => l.text).slice(0, 3)).toEqual(['แผน', 'ยุทธศาสตร์', 'การ']);
    expect(lines[1]?.pieces.map((p) => [p.text, p.font])).toEqual([
      ['ยุทธ', 'Sarabun-Bold'],
      ['ศาสตร์', 'Sarabun-Italic'],
    ]);
  });

  it('breaks Latin text only at spaces, unless a word is wider than the column', async () => {
    const text = 'ISO 9001:2015 (quality management) กรุงเทพมหานคร internationalisation';
    const { lines } = await renderPdfWithLines({ ...A4, content: { table: { widths: [110], body: [[text]] } } });
    expect(lineBreakProblems(lines)).toEqual([]);
    expect(lines.map((l) => l.text)).toEqual([
      'ISO 9001:2015 ',
      '(quality ',
      'management) ',
      'กรุงเทพมหานคร ',
      'internationalisa',
      'tion',
    ]);
  });

  it('loses no text when a row kept on one page is taller than what is left of a page', async () => {
    // pdfmake drops such a row; the engine lays the table out again letting rows break.
    const cells = chunks(6);
    const { pdf, lines } = await renderPdfWithLines({ ...A4, content: narrowTable(cells, [48, 70, 96, 130]) });
    const laidOut = paragraphs(lines).map((group) => group.map((l) => l.text).join(''));
    for (const cell of cells) expect(laidOut).toContain(normaliseThai(cell));
    const extracted = comparable((await extractPages(pdf)).join(''));
    expect([...extracted].sort()).toEqual([...comparable(normaliseThai(cells.join('')))].sort());
  });

  it('starts a page with a heading (keepWithNext) that would end one, taking the heading above it along', async () => {
    const section = '๓.๑ ตัวชี้วัดตามประเด็นยุทธศาสตร์';
    const heading = '๓.๑.๑ ตารางตัวชี้วัดและค่าเป้าหมาย';
    const head = comparable('ลำดับที่');
    // The headings land at the foot of page 1 (the spacer puts them there), with no room under them for the
    // table's heads and first row, which it keeps together.
    const rows = chunks(4)
      .slice(0, 60)
      .map((row, i) => [String(i + 1), row]);
    const doc = (space: number) => headingsOverTable(space, [section, heading], rows);
    const pages = (await extractPages(await renderPdf(doc(600)))).map(comparable);
    const tableStarts = pages.findIndex((p) => p.includes(head));
    expect(tableStarts).toBe(1);
    expect(pages.findIndex((p) => p.includes(comparable(heading)))).toBe(tableStarts);
    expect(pages.findIndex((p) => p.includes(comparable(section)))).toBe(tableStarts);
    expect(pages[0]).toBe(comparable('ย่อหน้าแรกของหน้า'));
    // With room for the table's first rows under them, headings and table stay on page 1 as written.
    const roomy = (await extractPages(await renderPdf(doc(450)))).map(comparable);
    expect(roomy[0]).toContain(comparable(heading));
    expect(roomy[0]).toContain(head);
  });

  it('moves a heading whose table starts with a row of many lines once, in two layouts, not back and forth', async () => {
    // The heading falls near the foot of page 1; under it the table's heads and first row, which pdfmake places
    // as one block, are taller than the room left, though the heading and the first lines of the row fit.
    const heading = '๓.๑.๑ ตารางตัวชี้วัดและค่าเป้าหมาย';
    const row = chunks(60)[0]!;
    const rows = chunks(4)
      .slice(40, 60)
      .map((r, i) => [String(i + 2), r]);
    const doc = (space: number) => headingsOverTable(space, [heading], [['1', row], ...rows]);
    const settings = engineSettings({}, true);
    const { pdf, lines, layouts } = await typeset(doc(480), settings);
    const pages = (await extractPages(new Uint8Array(pdf))).map(comparable);
    // The first row runs to more lines than a moved heading's need once counted (ROWS_WITH, keepWithNext.ts).
    const rowLines = lines?.filter((l) => l.text.trim().length > 3 && comparable(row).includes(comparable(l.text)));
    expect(rowLines?.length).toBeGreaterThan(6);
    expect(pages[0]).toBe(comparable('ย่อหน้าแรกของหน้า'));
    expect(pages[1]?.startsWith(comparable(heading))).toBe(true);
    // One layout finds the heading at the foot, the next moves it and, measuring the whole first row, keeps it
    // there: the measure once took the row's first lines only, put the heading back and moved it again (four).
    expect(layouts).toBe(2);
    // With room for the whole block, heading and table stay on page 1 in one layout.
    const roomy = await typeset(doc(0), settings);
    expect((await extractPages(new Uint8Array(roomy.pdf))).map(comparable)[0]).toContain(comparable(heading));
    expect(roomy.layouts).toBe(1);
  });

  /** Numbered sentences, `tag` before each number, as one paragraph. */
  const sentences = (tag: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${tag}${i + 1} ประชาชนรับรู้และเข้าใจนโยบายของกรุงเทพมหานคร`).join(' ');

  /**
   * Heading ก at the foot of page 1 with its paragraph on page 2, then `between`, then heading ข over a paragraph
   * of `count` sentences: how many layouts it took, and the page each line starting with a text is on.
   */
  async function headingsOnPageTwo(between: Content, count: number) {
    const { lines, layouts } = await typeset(
      {
        ...A4,
        content: [
          { text: 'ย่อหน้าแรกของหน้า' },
          { text: '', margin: [0, 610, 0, 0] },
          { text: 'หัวข้อ ก', bold: true, keepWithNext: true, margin: [0, 30, 0, 10] },
          { text: sentences('ก', 3).slice(0, 60) },
          between,
          { text: 'หัวข้อ ข', bold: true, keepWithNext: true },
          { text: sentences('ข', count) },
        ],
      } as TDocumentDefinitions,
      engineSettings({}, true),
    );
    return { layouts, page: (text: string) => lines?.find((l) => l.text.startsWith(text))?.page };
  }

  it('moves a stranded heading only where its section still lacks room once the headings above it moved, in two layouts', async () => {
    // On page 2 a block kept whole, then heading ข at the foot with no room for its paragraph. Moving ก pushes the
    // block onto page 3, where ข and its paragraph then fit under it: ข stays there, which the layout that moves ก
    // decides from ข's need, measured on the first.
    const block = { stack: [{ text: 'บล็อก', margin: [0, 610, 0, 0] }], unbreakable: true } as Content;
    const { page, layouts } = await headingsOnPageTwo(block, 3);
    expect([page('หัวข้อ ก'), page('ก1')]).toEqual([2, 2]);
    expect([page('บล็อก'), page('หัวข้อ ข'), page('ข1')]).toEqual([3, 3, 3]);
    expect(layouts).toBe(2);
  });

  it('starts a page before a heading that a moved heading pushes to a page foot as it places it, without another layout', async () => {
    // On page 2, ข and the first lines of its paragraph fit at the foot. Moving ก pushes ข down to where its
    // paragraph has no room: the layout that moves ก starts page 3 before ข from the room ข needs (measured on the
    // first layout), where it took a layout to find ข stranded and another to move it (three in all).
    const { page, layouts } = await headingsOnPageTwo({ text: '', margin: [0, 570, 0, 0] }, 12);
    expect([page('หัวข้อ ก'), page('ก1')]).toEqual([2, 2]);
    expect([page('หัวข้อ ข'), page('ข1')]).toEqual([3, 3]);
    expect(layouts).toBe(2);
  });

  it('measures the same words by the style each place gives them, in every layout of the document', async () => {
    // The engine lays this document out again (the heading at the foot of page 1 moves), and the later layouts
    // reuse the first one's measures: each copy of the paragraph must keep its own style's words and widths.
    const text = seedParagraphs.reduce((a, b) => (b.length > a.length ? b : a));
    const styles = { big: { fontSize: 20, italics: true }, small: { fontSize: 12 } };
    const copies: Content[] = [
      { text },
      { text, bold: true },
      { text: [{ text: text.slice(0, 40), bold: true }, text.slice(40)] },
      { stack: [{ text }], style: 'big' },
      { table: { widths: ['*'], body: [[{ text }]] }, layout: 'phaenGrid', style: 'big' },
      // A style named on the paragraph itself, and one of its own properties over what it inherits.
      { text, style: 'small' },
      { stack: [{ text, fontSize: 14 }], style: 'big' },
      // The same string in stacks of two styles: pdfmake makes each a text node of its own in every layout.
      { stack: [text], fontSize: 18 },
      { stack: [text], fontSize: 12, bold: true },
    ];
    const heading = '๓.๑ ตัวชี้วัดตามประเด็นยุทธศาสตร์';
    const { pdf, lines } = await renderPdfWithLines({
      ...A4,
      styles,
      content: [
        { text: 'ย่อหน้าแรกของหน้า' },
        { text: '', margin: [0, 640, 0, 0] },
        { text: heading, bold: true, keepWithNext: true },
        ...copies,
      ],
    } as TDocumentDefinitions);
    const pages = (await extractPages(pdf)).map(comparable);
    expect(pages[0]).toBe(comparable('ย่อหน้าแรกของหน้า'));
    expect(pages[1]?.startsWith(comparable(heading))).toBe(true);

    const shape = (group: LaidOutLine[]) =>
      group.map((l) => ({ text: l.text, width: l.width, pieces: l.pieces.map((p) => [p.font, p.fontSize, p.width]) }));
    const groups = paragraphs(lines);
    const laidOut = groups.slice(groups.findIndex((g) => g[0]?.text === heading) + 1).map(shape);
    const alone = await Promise.all(
      copies.map(async (copy) => shape((await renderPdfWithLines({ ...A4, styles, content: [copy] })).lines)),
    );
    expect(laidOut).toEqual(alone);
    // The styles did give the copies different measures.
    expect(new Set(alone.map((l) => JSON.stringify(l))).size).toBe(copies.length);
  }, 120_000); // ten renders: 43 s on a loaded machine

  it('never splits "พ.ศ. 2566", joined by an ordinary space or by U+00A0: it moves to the next line whole', async () => {
    const before = 'ตั้งแต่ปีงบประมาณ พ.ศ.';
    // Room for "… พ.ศ." but not for the space and "2566" after it: a plain line breaker would split them.
    const width = textWidth(before, { fontSize: 16 }) + 6;
    const page = { pageSize: 'A4' as const, pageMargins: [60, 57, 595.28 - 60 - width, 57] as Margins };
    const lineTexts = async (text: string) => (await renderPdfWithLines({ ...page, content: text })).lines;

    const spaced = await lineTexts(`${before} 2566 เป็นต้นไป`);
    expect(lineBreakProblems(spaced)).toEqual([]);
    expect(spaced.map((l) => l.text)).toEqual(['ตั้งแต่ปีงบประมาณ ', 'พ.ศ. 2566 เป็นต้นไป']);

    const joined = await lineTexts(`${before}\u00A02566 เป็นต้นไป`);
    expect(lineBreakProblems(joined)).toEqual([]);
    expect(joined.map((l) => l.text)).toEqual(['ตั้งแต่ปีงบประมาณ ', 'พ.ศ.\u00A02566 เป็นต้นไป']);
  });

  it('lets a no-break space yield before cutting a word: "พ.ศ. 2563" in a column too narrow for both', async () => {
    // A year column's header: room for "พ.ศ." or "2563", not for both.
    const width = textWidth('พ.ศ. 2563', { fontSize: 16 }) - 8;
    const { lines } = await renderPdfWithLines({
      ...A4,
      content: { table: { widths: [width, width], body: [['พ.ศ.\u00A02563', 'พ.ศ.\u00A0๒๕๖๓']] } },
    });
    expect(lineBreakProblems(lines)).toEqual([]);
    expect(paragraphs(lines).map((group) => group.map((l) => l.text))).toEqual([
      ['พ.ศ.\u00A0', '2563'],
      ['พ.ศ.\u00A0', '๒๕๖๓'],
    ]);
    // The space hangs at the line end like any trailing space: the line's text is "พ.ศ." wide.
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(line.maxWidth);
  });

  it('honours newlines in the text', async () => {
    const { lines } = await renderPdfWithLines({ ...A4, content: 'บรรทัดแรก\nบรรทัดที่สอง' });
    expect(lines.map((l) => l.text)).toEqual(['บรรทัดแรก', 'บรรทัดที่สอง']);
  });
});

describe('shaping and text extraction', () => {
  it('shapes "ISOที่" as Latin then Thai: the Thai glyphs are those of "ที่" alone', async () => {
    const pdf = await renderPdf({ ...A4, content: ['ที่', 'ISOที่', 'ABCที่นี่'] });
    // pdfkit starts a new text operation at each positioned mark, so compare the glyph stream as a whole.
    const glyphs = drawnText(pdf).flatMap((t) => t.glyphs);
    const alone = glyphs.slice(0, 3);
    // Latin shaping would draw MAI EK with another glyph (uni0E48, not uni0E48.small) and offset.
    expect(glyphs.slice(3 + 3, 3 + 3 + 3)).toEqual(alone); // after I, S, O
    expect(glyphs.slice(9 + 3, 9 + 3 + 3)).toEqual(alone); // after A, B, C
    expect(new Set(glyphs.slice(3, 6)).size).toBe(3);
    expect(comparable((await extractPages(pdf)).join(''))).toBe(comparable('ที่ISOที่ABCที่นี่'));
  });

  it('extracts ำ and the decomposed ํ + า alike, and every later า, whatever comes first', async () => {
    const source = ['น\u0E4D\u0E32', 'น้ำ', 'ทำ', 'มา กา ลา', 'น\u0E49\u0E4D\u0E32', 'สามารถ'];
    const pdf = await renderPdf({ ...A4, content: source.join(' ') });
    const text = (await extractPages(pdf)).join('');
    expect(comparable(text)).toBe(comparable(normaliseThai(source.join(''))));
    expect(comparable(text)).toBe(comparable('นำน้ำทำมากาลาน้ำสามารถ'));
    expect([...text.normalize('NFKC')].filter((c) => c === 'า').length).toBe(9);
  });

  it('draws the no-break space with a real Sarabun glyph in every style, and it extracts as a space', async () => {
    const pdf = await renderPdf({
      ...A4,
      content: STYLES.map(({ bold, italics }) => ({ text: 'ก\u00A0ก', bold, italics })),
    });
    const drawn = drawnText(pdf);
    // Three glyphs per style, none of them .notdef (glyph 0): Sarabun has U+00A0, no fallback is needed.
    expect(drawn.reduce((n, t) => n + t.glyphs.length, 0)).toBe(3 * STYLES.length);
    expect(missingGlyphs(pdf)).toEqual([]);
    const text = (await extractPages(pdf)).join('');
    expect(text.normalize('NFKC').match(/ก ก/g)).toHaveLength(STYLES.length);
  });

  it('draws Thai in SVG charts with every mark, placed and shaped as in a paragraph', async () => {
    // pdfmake's svg-to-pdfkit alone drops every zero-advance mark ("จุดแข็ง" prints as "จดแขง").
    const label = 'จุดแข็ง ปั้น ปู่ ผู้ใหญ่ ISOที่';
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 40" width="300" height="40" font-family="Sarabun" font-size="16"><text x="4" y="24">${label}</text></svg>`;
    const pdf = await renderPdf({ ...A4, content: [{ svg }, { text: label }] });
    const glyphs = drawnText(pdf).flatMap((t) => t.glyphs);
    const half = glyphs.length / 2;
    expect(glyphs.slice(0, half)).toEqual(glyphs.slice(half));
    expect(glyphs).not.toContain(0);
    expect(comparable((await extractPages(pdf)).join(''))).toBe(comparable(label + label));
  });

  it('sees the missing-glyph box when a character is not in Sarabun (the detector works)', async () => {
    const pdf = await renderPdf({ ...A4, content: 'ก ☃ 漢' });
    expect(missingGlyphs(pdf).length).toBeGreaterThan(0);
  });

  it('strips zero-width characters pasted from Word instead of drawing them', async () => {
    const { pdf, lines } = await renderPdfWithLines({ ...A4, content: 'การ\u200Bบูรณาการ\uFEFF\u200C' });
    expect(lines.map((l) => l.text)).toEqual(['การบูรณาการ']);
    expect(missingGlyphs(pdf)).toEqual([]);
  });
});

describe('justification', () => {
  it('widens spaces first (up to half an em), then spreads the rest evenly between grapheme clusters (up to 0.08 em)', async () => {
    const longest = [...seedParagraphs].sort((a, b) => b.length - a.length);
    const text = `${longest[0]} มาตรฐาน ISOที่ได้รับ ${longest[1]}`;
    // Body width and a narrow column, where few clusters share the slack and the limit is reached.
    const content: Content[] = [200, '*'].map((width) => ({
      table: { widths: [width], body: [[{ text, alignment: 'justify' }]] },
      layout: 'noBorders',
    }));
    const { pdf, lines } = await renderPdfWithLines({ ...A4, content });
    expect(lineBreakProblems(lines)).toEqual([]);
    expect(comparable((await extractPages(pdf)).join(''))).toBe(comparable(normaliseThai(text + text)));
    let spread = 0;
    let spacesOnly = 0;
    let short = 0;
    for (const line of lines.filter((l) => !l.lastInParagraph)) {
      const { pieces } = line;
      const last = pieces.at(-1);
      if (!last) continue;
      const em = last.fontSize;
      const cluster = Math.max(...pieces.map((p) => p.clusterSpacing));
      const spaceGaps: number[] = [];
      for (let i = 1; i < pieces.length; i++) {
        const prev = pieces[i - 1];
        const piece = pieces[i];
        if (!prev || !piece) continue;
        const gap = piece.x - (prev.x + prev.width);
        if (/\s$/.test(prev.text)) spaceGaps.push(gap);
        else expect(gap).toBeCloseTo(cluster, 6); // between words or script runs: a cluster gap, no more
      }
      for (const p of pieces) if (p.clusterSpacing) expect(p.clusterSpacing).toBeCloseTo(cluster, 6);
      expect(cluster).toBeLessThanOrEqual(0.08 * em + 1e-9);
      const end = last.x + last.width - last.trailingCut;
      if (cluster < 0.08 * em - 1e-9) {
        // Filled: the last piece ends (its trailing space aside) at the right edge.
        expect(end).toBeCloseTo(line.maxWidth, 1);
      } else {
        // At the limit: the rest stays at the end of the line.
        expect(end).toBeLessThanOrEqual(line.maxWidth + 1e-6);
        if (end < line.maxWidth - 0.1) short++;
      }
      if (cluster > 0) {
        spread++;
        for (const g of spaceGaps) expect(g).toBeCloseTo(0.5 * em, 6); // spaces got their share first
      } else if (spaceGaps.length > 0) {
        spacesOnly++;
        for (const g of spaceGaps) expect(g).toBeLessThanOrEqual(0.5 * em + 1e-9);
      }
    }
    expect(spread).toBeGreaterThan(0);
    expect(spacesOnly).toBeGreaterThan(0);
    expect(short).toBeGreaterThan(0);
  });
});

describe('justified paragraphs broken as a whole', () => {
  it('ends every line but the last at the right edge, where line-by-line filling left lines short', async () => {
    // Real paragraphs at body width and in narrower columns, where a long unbreakable phrase ("5 ปี
    // (พ.ศ.2566-2570)") can leave a line that no choice of breaks fills: only those may stop short.
    const content: Content[] = [230, 290, 350, 410, '*'].map((width) => ({
      table: { widths: [width], body: seedParagraphs.map((text) => [{ text, alignment: 'justify' as const }]) },
      layout: 'noBorders',
    }));
    const { lines } = await renderPdfWithLines({ ...A4, content });
    expect(lineBreakProblems(lines)).toEqual([]);
    const justified = lines.filter((l) => l.justified && !l.lastInParagraph);
    expect(justified.length).toBeGreaterThan(200);
    expect(shortJustifiedLines(lines)).toEqual([]);
  });
});

describe('page numbers', () => {
  it('prints header and footer placeholders and the table of contents in Thai digits from the first numbered page', async () => {
    const content: Content[] = [
      { text: 'ปก', pageBreak: 'after' },
      { toc: { title: { text: 'สารบัญ' } } },
      ...[1, 2, 3].map((n) => ({ text: `บทที่ ${n}`, tocItem: true, pageBreak: 'before' as const })),
    ];
    const pdf = await renderPdf(
      {
        ...A4,
        content,
        footer: { text: `หน้า ${PAGE_NUMBER} จาก ${PAGE_COUNT}`, alignment: 'center' },
      },
      { digits: 'thai', firstNumberedPage: 2 },
    );
    const pages = (await extractPages(pdf)).map(comparable);
    expect(pages).toHaveLength(5);
    expect(pages[0]).toBe('ปก');
    expect(pages[1]).toBe(comparable('สารบัญ บทที่ 1 ๒ บทที่ 2 ๓ บทที่ 3 ๔ หน้า ๑ จาก ๔'));
    expect(pages[4]).toBe(comparable('บทที่ 3 หน้า ๔ จาก ๔'));
  });
});

describe('running the render', () => {
  it('reports progress page by page up to the total', async () => {
    const seen: [number, number][] = [];
    await renderPdf(
      { ...A4, content: [1, 2, 3].map((n) => ({ text: `หน้า ${n}`, pageBreak: 'after' as const })) },
      { onProgress: (done, total) => seen.push([done, total]) },
    );
    expect(seen.at(-1)).toEqual([4, 4]);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
  });

  it('rejects with a cancelled AppError when aborted, before or during the render', async () => {
    const before = new AbortController();
    before.abort();
    await expect(renderPdf({ content: 'ก' }, { signal: before.signal })).rejects.toMatchObject({ code: 'cancelled' });

    const during = new AbortController();
    const big: TDocumentDefinitions = { ...A4, content: Array.from({ length: 40 }, () => seedParagraphs) };
    const render = renderPdf(big, { signal: during.signal });
    setTimeout(() => during.abort(), 50);
    const error: unknown = await render.catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('cancelled');
  });

  it('refuses a document holding a function, naming where it is', async () => {
    const doc = { content: 'ก', footer: () => 'x' } as TDocumentDefinitions;
    await expect(renderPdf(doc)).rejects.toThrow(/doc\.footer is a function/);
  });

  it('reports a broken document as an internal AppError instead of crashing', async () => {
    const doc = { content: { image: 'data:image/png;base64,AAAA' } } as TDocumentDefinitions;
    await expect(renderPdf(doc)).rejects.toMatchObject({ code: 'internal' });
  });
});

// The break rules themselves are tested in thaiBreak.test.ts; this only guards the assumption the line
// checks rest on.
it('has Thai break opportunities inside the seed paragraphs', () => {
  expect(breakOpportunities(seedParagraphs.join(' ')).length).toBeGreaterThan(300);
});
