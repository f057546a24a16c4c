import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_MARGINS, PAGE_WIDTH } from '../../main/core/pdf/blocks.ts';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { CHAPTERS } from '../../main/core/pdf/options.ts';
import { pageLabel, thaiLetter } from '../../main/core/pdf/pageNumbers.ts';
import { toThaiDigits } from '../../main/core/years.ts';
import { translator } from '../../main/services/locales.ts';
import { type LaidOutLine, renderPdfWithLines } from '../../main/services/pdf/render.ts';
import { comparable, extractPages, paragraphs, popplerText } from '../harness/pdf.ts';
import { contentsBreaks, contentsEntryProblems } from '../harness/pages.ts';
import { RESOURCES, generatedRows, generatedSource, sampleSource } from '../harness/pdfPlan.ts';

/**
 * The plan's front matter and navigation as Thai official documents have them, checked on the real PDF:
 * page numbers as printed (pdf.js and poppler's pdftotext), the page labels a viewer shows (pdf.js and
 * qpdf, two independent parsers), the contents' leaders and page numbers, numbered captions and their lists.
 */

const th = translator(RESOURCES, 'th');

interface Printed {
  pdf: Uint8Array;
  lines: LaidOutLine[];
  /** Text per page (pdf.js). */
  pages: string[];
  /** Page labels per page as pdf.js reads them. */
  labels: string[];
}

async function print(thaiDigits: boolean, captionLists = true, source = sampleSource()): Promise<Printed> {
  const built = buildDocument('plan', {
    source,
    options: { language: 'th', thaiDigits, chapters: CHAPTERS, date: '2021-09-13', captionLists },
    t: th,
  });
  const { pdf, lines } = await renderPdfWithLines(built.doc, { numbering: built.numbering });
  const task = getDocument({ data: pdf.slice(), verbosity: 0 });
  let labels: string[];
  try {
    labels = (await (await task.promise).getPageLabels()) ?? [];
  } finally {
    await task.destroy();
  }
  return { pdf, lines, pages: await extractPages(pdf), labels };
}

/** Poppler and qpdf read the same bytes from a file. */
function withFile<T>(pdf: Uint8Array, read: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'phaen-frontmatter-'));
  try {
    const path = join(dir, 'plan.pdf');
    writeFileSync(path, pdf);
    return read(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The last line of every page as poppler's pdftotext reads it: the page number in the footer, if any. */
function popplerFooters(pdf: Uint8Array, pageCount: number): string[] {
  return withFile(pdf, (path) =>
    Array.from({ length: pageCount }, (_, i) => {
      const text = execFileSync('pdftotext', ['-f', `${i + 1}`, '-l', `${i + 1}`, '-layout', path, '-'], {
        encoding: 'utf8',
      });
      return (
        text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .at(-1) ?? ''
      );
    }),
  );
}

/** The page labels of every page as qpdf reads the catalog's /PageLabels number tree. */
function qpdfLabels(pdf: Uint8Array, pageCount: number): string[] {
  const json = withFile(pdf, (path) =>
    execFileSync('qpdf', ['--json', '--json-key=pagelabels', path], { encoding: 'utf8' }),
  );
  const ranges = (
    JSON.parse(json) as { pagelabels: { index: number; label: { '/P'?: string; '/S'?: string; '/St'?: number } }[] }
  ).pagelabels;
  return Array.from({ length: pageCount }, (_, page) => {
    const range = ranges.filter((r) => r.index <= page).at(-1);
    if (!range) return '';
    const prefix = (range.label['/P'] ?? '').replace(/^u:/, '');
    const number = range.label['/S'] === '/D' ? String((range.label['/St'] ?? 1) + page - range.index) : '';
    return prefix + number;
  });
}

const printed = {} as Record<'Arabic' | 'Thai', Printed>;

beforeAll(async () => {
  // Poppler and qpdf read the files (CI installs them: .ci/run).
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
  printed.Arabic = await print(false);
  printed.Thai = await print(true);
}, 180_000);

describe('page numbers', () => {
  it('count front matter in Thai letters as Thai enumeration does, the body from 1, the cover not at all', () => {
    const numbering = { digits: 'arabic', firstPage: 2 } as const;
    expect([1, 2, 3, 4, 5, 6, 7].map((p) => pageLabel(p, 6, numbering))).toEqual([null, 'ก', 'ข', 'ค', 'ง', '1', '2']);
    expect(pageLabel(17, 6, { ...numbering, digits: 'thai' })).toBe('๑๒');
    expect([2, 3, 4, 5].map((p) => pageLabel(p, 6, { ...numbering, frontMatter: 'roman' }))).toEqual([
      'i',
      'ii',
      'iii',
      'iv',
    ]);
    // ฃ, ฅ and ฆ are not counted with: the letters run ก ข ค ง จ.
    expect([0, 1, 2, 3, 4].map(thaiLetter).join('')).toBe('กขคงจ');
    // A plan printed in English numbers its front matter i ii iii, and names its cover so.
    const en = buildDocument('plan', {
      source: sampleSource(),
      options: { language: 'en', thaiDigits: false, chapters: CHAPTERS, date: '2021-09-13' },
      t: translator(RESOURCES, 'en'),
    }).numbering;
    expect(en).toMatchObject({
      frontMatter: 'roman',
      unnumberedLabel: 'Cover',
      firstPage: 2,
      bodyStart: 'chapter-intro',
    });
  });

  for (const digits of ['Arabic', 'Thai'] as const) {
    it(`print the cover with none, the front matter ก ข ค and the body from 1, and label the PDF pages alike (${digits} digits)`, () => {
      const { pdf, pages, labels } = printed[digits];
      const first = pages.findIndex((p) => p.split('\n').some((l) => /^บทที่ [1๑]$/.test(l.trim())));
      expect(first).toBeGreaterThan(2);
      const one = digits === 'Thai' ? '๑' : '1';
      const expected = pages.map((_, i) =>
        i === 0
          ? null
          : i < first
            ? thaiLetter(i - 1)
            : digits === 'Thai'
              ? toThaiDigits(String(i - first + 1))
              : String(i - first + 1),
      );
      expect(expected[first]).toBe(one);
      // What the footer prints, as poppler reads it.
      const footers = popplerFooters(pdf, pages.length);
      expect(footers.slice(1)).toEqual(expected.slice(1));
      expect(footers[0]).not.toMatch(/^[0-9๐-๙ก-ฮ]$/);
      // What a viewer's page box shows (pdf.js, qpdf): the printed number; the cover is named "ปก".
      const viewer = expected.map((label) => label ?? th('pdf.doc.cover.pageLabel'));
      expect(labels).toEqual(viewer);
      expect(qpdfLabels(pdf, pages.length)).toEqual(viewer);
    });
  }
});

/** The physical pages (0-based, end excluded) from the one titled `title` to the next titled page. */
function pagesTitled(pages: readonly string[], title: string): [number, number] {
  const titled = (p: string, t: string) => p.split('\n').some((l) => l.trim() === t);
  const start = pages.findIndex((p) => titled(p, title));
  const stops = [th('pdf.doc.captions.tables'), th('pdf.doc.captions.figures'), 'บทที่ 1', 'บทที่ ๑'];
  let end = start + 1;
  while (end < pages.length && !stops.some((t) => titled(pages[end]!, t))) end++;
  return [start, end];
}

/** The laid-out lines of the contents pages. */
function contentsLines({ pages, lines }: Printed): LaidOutLine[] {
  const [start, end] = pagesTitled(pages, th('pdf.doc.toc.title'));
  expect(start).toBeGreaterThan(0);
  return lines.filter((l) => l.page > start && l.page <= end);
}

describe('the contents', () => {
  for (const digits of ['Arabic', 'Thai'] as const) {
    it(`end every entry with a dot leader and its page number at the right margin, on the entry's last line, wrapped lines under the text (${digits} digits)`, () => {
      const lines = contentsLines(printed[digits]);
      expect(lines.filter((l) => /\.{3,}/.test(l.text)).length).toBeGreaterThan(30);
      // Some entries wrap: their page number only on their last line, which starts under the text of the first.
      const wrapped = paragraphs(lines).filter((entry) => entry.length > 1 && entry.some((l) => /\.{3,}/.test(l.text)));
      expect(wrapped.length).toBeGreaterThan(3);
      const pageNumber = digits === 'Thai' ? /^([๐-๙]+|[ก-ฮ])$/ : /^([0-9]+|[ก-ฮ])$/;
      expect(contentsEntryProblems(lines, PAGE_WIDTH - PAGE_MARGINS[2], pageNumber)).toEqual([]);
      // Numbers are never wrapped: 4.10 is whole on its line, beside its title.
      const ten = digits === 'Thai' ? '๔.๑๐' : '4.10';
      expect(lines.some((l) => l.text.trim() === ten)).toBe(true);
    });
  }

  it('wrap an entry between words: “(หมุดหมาย)” is never parted, as pdf.js and poppler read the lines (both digit sets)', async () => {
    for (const digits of ['Arabic', 'Thai'] as const) {
      const { pdf, pages } = printed[digits];
      const exact = await extractPages(pdf, { exact: true });
      for (const text of [pages.join('\n'), exact.join('\n'), popplerText(pdf, 'raw'), popplerText(pdf, 'default')]) {
        const lines = text.split(/[\n\f]/).filter((line) => line.includes('หมุด'));
        // The contents, the list of tables, chapter 5's heading and its table's caption.
        expect(lines.length, digits).toBeGreaterThanOrEqual(4);
        expect(
          lines.filter((line) => !line.includes('หมุดหมาย')),
          digits,
        ).toEqual([]);
      }
    }
  });

  it('lead to the pages of their chapters and sections: each page number is the label of the page with the heading', () => {
    const { pages, labels, lines } = printed.Arabic;
    const toc = contentsLines(printed.Arabic);
    // Each section's number and text as the heading prints them ("2.1 สรุปผลการประเมิน").
    const byY = new Map<string, LaidOutLine[]>();
    for (const line of toc)
      byY.set(`${line.page}:${Math.round(line.y)}`, [...(byY.get(`${line.page}:${Math.round(line.y)}`) ?? []), line]);
    let checked = 0;
    for (const row of byY.values()) {
      const number = row.find((l) => /^\d+\.\d+$/.test(l.text.trim()));
      const entry = row.find((l) => /\.{3,}/.test(l.text));
      if (!number || !entry) continue;
      const page = entry.pieces.at(-1)!.text;
      const physical = labels.indexOf(page);
      expect(physical, `${number.text} → ${page}`).toBeGreaterThan(0);
      const heading = lines.find((l) => l.page === physical + 1 && l.text.startsWith(`${number.text.trim()} `));
      expect(heading, `${number.text} on page ${page}`).toBeDefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
    expect(pages.length).toBe(labels.length);
  });
});

describe('the contents pages', () => {
  /** The front matter's lines: every page before chapter 1's. */
  const frontMatter = ({ lines }: Printed) => {
    const first = lines.find((l) => /^บทที่ [1๑]$/.test(l.text.trim()) && (l.pieces[0]?.fontSize ?? 0) > 12)!.page;
    return lines.filter((l) => l.page < first);
  };

  it('keep each entry whole on a page and no chapter line alone at a page foot, in the sample plan', () => {
    for (const digits of ['Arabic', 'Thai'] as const) expect(contentsBreaks(frontMatter(printed[digits]))).toEqual([]);
  });

  // Plans with more strategic issues move the contents' page break one entry at a time, over chapter lines
  // and entries that wrap, and over the list of tables.
  for (const issues of [16, 17, 21]) {
    it(`keep each entry whole on a page and no chapter line alone at a page foot: ${issues} strategic issues`, async () => {
      const source = generatedSource(
        generatedRows({ issues, goals: 1, kpis: 1, strategies: 1, projects: 1, seed: issues }),
      );
      const front = frontMatter(await print(issues % 2 === 0, true, source));
      expect(front.filter((l) => /\.{3,}/.test(l.text)).length).toBeGreaterThan(30);
      expect(contentsBreaks(front)).toEqual([]);
    }, 120_000);
  }
});

describe('tables and figures', () => {
  it('are numbered in reading order with Thai captions, ตารางที่ 1 … and แผนภาพที่ 1 …, and listed with their pages', () => {
    const { pages, labels } = printed.Arabic;
    const [tablesList] = pagesTitled(pages, th('pdf.doc.captions.tables'));
    const [figuresList] = pagesTitled(pages, th('pdf.doc.captions.figures'));
    const first = pages.findIndex((p) => p.split('\n').some((l) => l.trim() === 'บทที่ 1'));
    expect(tablesList).toBeGreaterThan(0);
    expect(figuresList).toBeGreaterThan(tablesList);
    expect(first).toBeGreaterThan(figuresList);
    for (const [kind, list] of [
      ['ตารางที่', tablesList],
      ['แผนภาพที่', figuresList],
    ] as const) {
      // In the body: numbered 1, 2, 3 … in order, each caption at the start of its line.
      const captions = pages
        .slice(first)
        .flatMap((p, i) =>
          p
            .split('\n')
            .flatMap((l) =>
              l.startsWith(`${kind} `) ? [{ n: Number(/^\S+ (\d+)/.exec(l)?.[1]), page: first + i, line: l }] : [],
            ),
        );
      expect(captions.map((c) => c.n)).toEqual(captions.map((_, i) => i + 1));
      expect(captions.length).toBeGreaterThan(1);
      // In its list (which may run over pages): every caption, with the label of its page after a leader.
      const [, listEnd] = pagesTitled(
        pages,
        kind === 'ตารางที่' ? th('pdf.doc.captions.tables') : th('pdf.doc.captions.figures'),
      );
      const entries = comparable(pages.slice(list, listEnd).join('\n'));
      for (const caption of captions) {
        expect(entries).toContain(`${kind}${caption.n}`);
        const at = entries.indexOf(`${kind}${caption.n}`);
        const after = entries.slice(at).match(/\.{3,}(\d+)/)?.[1];
        expect(after, caption.line).toBe(labels[caption.page]);
      }
    }
  });

  it('number every table of the plan: each table of rows under heads has its ตารางที่ caption right above it', () => {
    const built = buildDocument('plan', {
      source: sampleSource(),
      options: { language: 'th', thaiDigits: false, chapters: CHAPTERS, date: '2021-09-13' },
      t: th,
    });
    const tables: (string | null)[] = [];
    const walk = (value: unknown, before: unknown): void => {
      if (Array.isArray(value)) {
        value.forEach((item, i) => walk(item, value[i - 1]));
        return;
      }
      if (!value || typeof value !== 'object') return;
      const node = value as Record<string, unknown>;
      // A table of rows under column heads (blocks.ts table), not a ruled box (the vision).
      const table = node.table as { headerRows?: number } | undefined;
      if (node.layout === 'phaenGrid' && (table?.headerRows ?? 0) > 0) {
        const caption = (before as { text?: unknown } | undefined)?.text;
        tables.push(typeof caption === 'string' && caption.startsWith('ตารางที่ ') ? caption : null);
      }
      for (const key of ['stack', 'columns', 'ul', 'ol']) walk(node[key], undefined);
      if (node.table && typeof node.table === 'object') walk((node.table as { body: unknown }).body, undefined);
    };
    walk(built.doc.content, undefined);
    // The sample plan has members, workshops, evaluation, situation, KPI, project, budget, alignment,
    // monitoring and annex tables.
    expect(tables.length).toBeGreaterThan(15);
    expect(tables.filter((c) => c === null)).toEqual([]);
    // And in the printed body (after the lists), as many numbered captions.
    const { pages } = printed.Arabic;
    const first = pages.findIndex((p) => p.split('\n').some((l) => l.trim() === 'บทที่ 1'));
    const printedCaptions =
      pages
        .slice(first)
        .join('\n')
        .match(/^ตารางที่ \d+ /gm) ?? [];
    expect(printedCaptions.length).toBe(tables.length);
    // No caption repeats the word its label names ("ตารางที่ 11 ตาราง TOWS Matrix", "แผนภาพที่ 2 แผนภาพตำแหน่ง SWOT").
    expect(pages.join('\n').match(/^(ตารางที่ \d+ ตาราง|แผนภาพที่ \d+ แผนภาพ).*$/gm) ?? []).toEqual([]);
  });

  it('are not listed when the lists are not asked for, and keep their numbers', async () => {
    const { pages } = await print(false, false);
    const all = pages.join('\n');
    expect(all).not.toContain(th('pdf.doc.captions.tables'));
    expect(all).not.toContain(th('pdf.doc.captions.figures'));
    expect(all).toContain('ตารางที่ 1 ');
    expect(all).toContain('แผนภาพที่ 1 ');
  }, 120_000);
});
