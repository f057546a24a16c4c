import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { CHAPTERS, type ChapterId, type PdfKind, type PdfOptions } from '../../main/core/pdf/options.ts';
import { joinEraYears } from '../../main/core/pdf/text.ts';
import { chaptersWithContent } from '../../main/core/pdf/planDocument.ts';
import type { PlanSource } from '../../main/core/pdf/source.ts';
import type { Language } from '../../main/core/settings.ts';
import { formatThaiDate } from '../../main/core/thaiDate.ts';
import { translator } from '../../main/services/locales.ts';
import { PAGE_NUMBER } from '../../main/services/pdf/render.ts';
import { RESOURCES, documentTexts, generatedRows, generatedSource, sampleSource } from '../harness/pdfPlan.ts';
import { testRow } from '../harness/rows.ts';

/** The document builders (core/pdf) on the shipped sample and on generated plans, before any rendering. */

const DATE = '2021-09-13';
const th = translator(RESOURCES, 'th');

function options(overrides: Partial<PdfOptions> = {}): PdfOptions {
  return { language: 'th', thaiDigits: false, chapters: CHAPTERS, date: DATE, ...overrides };
}

function build(source: PlanSource, overrides: Partial<PdfOptions> = {}, kind: PdfKind = 'plan') {
  return buildDocument(kind, { source, options: options(overrides), t: th }).doc;
}

/** Every SVG drawing a document holds. */
function svgs(doc: TDocumentDefinitions): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      if (typeof node.svg === 'string') out.push(node.svg);
      Object.values(node).forEach(walk);
    }
  };
  walk(doc.content);
  return out;
}

/** The chapter headings as printed: "บทที่ n" followed by the chapter's title, and the annexes' heading. */
function chapterHeadings(doc: TDocumentDefinitions): string[] {
  const all = documentTexts(doc);
  const headings: string[] = [];
  all.forEach((text, i) => {
    // The contents set the number and the title apart too (the title with a space before its page number).
    if (/^บทที่ [0-9๐-๙]+$/.test(text)) headings.push(`${text} ${all[i + 1]?.trim()}`);
    if (text === th('pdf.doc.chapter.annexes') && headings.length > 0) headings.push(text);
  });
  return [...new Set(headings)];
}

const title = (id: ChapterId) => th(`pdf.doc.chapter.${id}`);

describe('the full plan document', () => {
  it('prints every chapter of the sample plan in the order Thai agency plans use, after cover, foreword and contents', () => {
    const doc = build(sampleSource());
    const all = documentTexts(doc);
    // The cover sets the bracketed period on a line of its own.
    const cover = all.findIndex((s) => s.replace(/\s+/g, ' ') === sampleSource().plan.title);
    expect(cover).toBeGreaterThanOrEqual(0);
    expect(cover).toBeLessThan(all.indexOf(th('pdf.doc.foreword.title')));
    expect(all.indexOf(th('pdf.doc.foreword.title'))).toBeLessThan(all.indexOf(th('pdf.doc.toc.title')));
    expect(chapterHeadings(doc)).toEqual([
      `บทที่ 1 ${title('intro')}`,
      `บทที่ 2 ${title('evaluation')}`,
      `บทที่ 3 ${title('situation')}`,
      `บทที่ 4 ${title('plan')}`,
      `บทที่ 5 ${title('alignment')}`,
      `บทที่ 6 ${title('monitoring')}`,
      title('annexes'),
    ]);
  });

  it('lists the foreword, every chapter and numbered section in the table of contents with a page reference to it', () => {
    const doc = build(sampleSource());
    const json = JSON.stringify(doc.content);
    const references = [...json.matchAll(/"pageReference":"([^"]+)"/g)].map((m) => m[1]);
    const anchors = [...json.matchAll(/"id":"(chapter-[^"]+)"/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThan(20);
    expect(references[0]).toBe('foreword');
    expect(references.slice(1)).toEqual(anchors);
    for (const id of CHAPTERS) expect(references).toContain(`chapter-${id}`);
  });

  it('leaves out chapters without data and numbers the rest from 1', () => {
    const header = generatedSource([]);
    expect(chaptersWithContent({ source: header, options: options(), t: th })).toEqual([]);
    expect(chapterHeadings(build(header))).toEqual([]);

    const factorsOnly = generatedSource([
      testRow('factor', { swot: 'S', statement: 'มีเครือข่ายประชาสัมพันธ์ครบ 50 เขต', weight: 1, rating: 4 }),
    ]);
    expect(chaptersWithContent({ source: factorsOnly, options: options(), t: th })).toEqual(['intro', 'situation']);

    const content = generatedSource(generatedRows());
    expect(chaptersWithContent({ source: content, options: options(), t: th })).toEqual([
      'intro',
      'plan',
      'monitoring',
      'annexes',
    ]);
    expect(chapterHeadings(build(content))).toEqual([
      `บทที่ 1 ${title('intro')}`,
      `บทที่ 2 ${title('plan')}`,
      `บทที่ 3 ${title('monitoring')}`,
      title('annexes'),
    ]);
  });

  it('prints only the chapters chosen, numbered by their place among those printed', () => {
    const doc = build(sampleSource(), { chapters: ['alignment', 'situation'] });
    expect(chapterHeadings(doc)).toEqual([`บทที่ 1 ${title('situation')}`, `บทที่ 2 ${title('alignment')}`]);
    expect(documentTexts(doc)).toContain('2.1');
  });

  it('prints the foreword as written, or a standard one naming the plan when none is written', () => {
    const sample = sampleSource();
    const written = String(sample.rows.find((r) => r.entity === 'document')?.data.foreword).split('\n')[0]!;
    // As written, except that an era holds to its year ("พ.ศ. 2566" with a no-break space).
    expect(written).toMatch(/พ\.ศ\. \d/);
    expect(documentTexts(build(sample))).toContain(joinEraYears(written));
    const standard = documentTexts(build(generatedSource([])));
    expect(standard.some((s) => s.startsWith(`${generatedSource().plan.title} จัดทำขึ้นเพื่อ`))).toBe(true);
  });

  it('writes every number in Thai digits when asked, including B.E. dates, and keeps codes such as 2S4M', () => {
    const arabic = documentTexts(build(sampleSource()));
    expect(arabic).toContain(th('pdf.doc.cover.date', { date: formatThaiDate(DATE) }));
    expect(arabic.join(' ')).toContain('13 กันยายน 2564');

    const thai = documentTexts(build(sampleSource(), { thaiDigits: true }));
    expect(thai.join(' ')).toContain('๑๓ กันยายน ๒๕๖๔');
    expect(thai).toContain('บทที่ ๔');
    const stray = thai.flatMap((s) =>
      [...s.matchAll(/[0-9]+/g)]
        .filter((m) => {
          const around = s.slice(Math.max(0, m.index - 1), m.index + m[0].length + 1);
          return !/[A-Za-z]/.test(around);
        })
        .map(() => s),
    );
    expect(stray).toEqual([]);
    expect(thai.join(' ')).toContain('2S4M');
  });

  it('joins every era and its year with a no-break space, in every document, language and digits', () => {
    for (const language of ['th', 'en'] as Language[]) {
      const t = translator(RESOURCES, language);
      for (const kind of ['plan', 'summary', 'map'] as const) {
        for (const thaiDigits of [false, true]) {
          const doc = buildDocument(kind, {
            source: sampleSource(),
            options: options({ language, thaiDigits }),
            t,
          }).doc;
          const all = documentTexts(doc).join('\n');
          expect(all).not.toMatch(/(พ\.ศ\.|B\.E\.)[ \t]+[0-9๐-๙]/);
          if (kind === 'plan')
            expect(all).toMatch(language === 'th' ? /พ\.ศ\.\u00A0[0-9๐-๙]{4}/ : /B\.E\.\u00A0[0-9๐-๙]{4}/);
        }
      }
    }
    // Dates in B.E. may still break between day, month and year; only the era holds to its year.
    const thai = documentTexts(build(sampleSource(), { thaiDigits: true })).join(' ');
    expect(thai).toContain('๑๓ กันยายน ๒๕๖๔');
    // Typed text too: the plan's title as the user wrote it.
    const source = sampleSource();
    const titled = { ...source, plan: { ...source.plan, title: 'แผนปฏิบัติราชการ (พ.ศ. 2566-2570)' } };
    expect(documentTexts(build(titled, {}, 'map'))).toContain('แผนปฏิบัติราชการ (พ.ศ.\u00A02566-2570)');
  });

  it('numbers the strategy map in the digits of the document, in the handout and in chapter 4', () => {
    const mapText = (doc: TDocumentDefinitions) =>
      svgs(doc)
        .filter((svg) => svg.includes('data-level="issue"'))
        .flatMap((svg) => [...svg.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]!));
    for (const kind of ['map', 'plan'] as const) {
      const arabic = mapText(build(sampleSource(), {}, kind));
      const thai = mapText(build(sampleSource(), { thaiDigits: true }, kind));
      expect(arabic).toContain('1.1.1');
      expect(arabic.join('')).not.toMatch(/[๐-๙]/);
      expect(thai).toContain('๑.๑.๑');
      expect(thai.filter((text) => /[0-9]/.test(text) && !/[A-Za-z][0-9]|[0-9][A-Za-z]/.test(text))).toEqual([]);
    }
  });

  it('is plain data the PDF worker accepts, with the engine page-number placeholder in the footer', () => {
    for (const kind of ['plan', 'summary', 'map'] as const) {
      const doc = build(sampleSource(), {}, kind);
      expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    }
    expect(JSON.stringify(build(sampleSource()).footer)).toContain(PAGE_NUMBER);
  });

  it('finds every word it prints in the locale files, in Thai and in English', () => {
    for (const language of ['th', 'en'] as Language[]) {
      const missing: string[] = [];
      const t = translator(RESOURCES, language, { onMissing: (key) => missing.push(key) });
      for (const kind of ['plan', 'summary', 'map'] as const) {
        for (const source of [sampleSource(), generatedSource()]) {
          buildDocument(kind, { source, options: options({ language }), t });
        }
      }
      expect([...new Set(missing)]).toEqual([]);
    }
  });
});
