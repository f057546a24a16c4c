import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { PAGE_MARGINS } from '../../main/core/pdf/blocks.ts';
import type { PdfKind } from '../../main/core/pdf/options.ts';
import type { PlanSource } from '../../main/core/pdf/source.ts';
import { translator } from '../../main/services/locales.ts';
import { renderPdf } from '../../main/services/pdf/render.ts';
import { monitoredSource } from '../harness/monitoredPlan.ts';
import { popplerPages } from '../harness/pages.ts';
import { comparable, extractPages } from '../harness/pdf.ts';
import { RESOURCES, sampleSource, thaiDocument } from '../harness/pdfPlan.ts';

/**
 * How tables break over pages (issue 10 #4, issue 14 D2), read back from the printed PDF with pdf.js and with
 * poppler: a table's caption, head and first three rows on one page, a table of up to six rows whole on one
 * page, and the budget summary (four rows and its total, split two and two before) whole with its heading.
 */

const th = translator(RESOURCES, 'th');

async function print(source: PlanSource, kind: PdfKind, thaiDigits: boolean) {
  const built = thaiDocument(source, kind, thaiDigits);
  const pdf = await renderPdf(built.doc, { numbering: built.numbering });
  const area = { top: PAGE_MARGINS[1], bottom: PAGE_MARGINS[3] };
  // Each reader's lines, page by page, as compared text.
  const readers: Record<string, string[][]> = {
    'pdf.js': (await extractPages(pdf)).map((page) => page.split('\n').map(comparable).filter(Boolean)),
    // poppler's lines in its blocks' order: top to bottom, as a reader goes.
    poppler: popplerPages(pdf, area).map((page) =>
      [...page.lines]
        .sort((a, b) => a.y - b.y)
        .map((line) => comparable(line.text))
        .filter(Boolean),
    ),
  };
  return { tables: captionedTables(built.doc), readers };
}

interface PrintedTable {
  /** The caption as printed ("ตารางที่ 16 สรุปงบประมาณ"). */
  readonly caption: string;
  /** The text of each body row's first cell, in the digits printed. */
  readonly rows: readonly string[];
}

const textOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('');
  if (typeof value !== 'object' || value === null) return '';
  const node = value as Record<string, unknown>;
  return textOf(node.text ?? node.stack ?? node.ol ?? node.ul ?? '');
};

/** Every data table of the document definition as built, with its caption (the node just before it). */
function captionedTables(doc: TDocumentDefinitions): PrintedTable[] {
  const out: PrintedTable[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item: Content, i) => {
        const table = (item as { table?: { headerRows?: number; body: unknown[][] } }).table;
        const before = value[i - 1] as { style?: string } | undefined;
        if (table?.headerRows && before?.style === 'caption') {
          out.push({ caption: textOf(before), rows: table.body.slice(table.headerRows).map((row) => textOf(row[0])) });
        }
        walk(item);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const v of Object.values(value)) if (typeof v === 'object') walk(v);
    }
  };
  walk(doc.content);
  return out;
}

/**
 * The page (0-based) of the caption and of each given row, found in reading order from the caption on: a row
 * by the start of its first cell (a cell's first line holds at least that much). -1 where not found.
 */
function pagesOf(pages: readonly string[][], table: PrintedTable, rows: readonly number[]): number[] {
  const lines = pages.flatMap((page, p) => page.map((text) => ({ p, text })));
  let at = lines.findIndex((line) => line.text.startsWith(comparable(table.caption).slice(0, 24)));
  if (at < 0) return [-1];
  const found = [lines[at]!.p];
  for (const r of rows) {
    const start = comparable(table.rows[r] ?? '').slice(0, 10);
    const next = lines.findIndex((line, i) => i > at && line.text.startsWith(start));
    found.push(next < 0 ? -1 : lines[next]!.p);
    if (next >= 0) at = next;
  }
  return found;
}

/** Tables that break where the rules say they must not, as "caption: pages" for each reader. */
function badBreaks(tables: readonly PrintedTable[], readers: Record<string, string[][]>): string[] {
  const problems: string[] = [];
  for (const [reader, pages] of Object.entries(readers)) {
    for (const table of tables) {
      const n = table.rows.length;
      // A table of up to six rows whole on its caption's page; a longer one with its first three there.
      const rows = n <= 6 ? [...table.rows.keys()] : [0, 1, 2];
      const found = pagesOf(pages, table, rows);
      if (found.includes(-1) || new Set(found).size > 1)
        problems.push(`${reader} ${table.caption}: ${found.join(' ')}`);
    }
  }
  return problems;
}

describe('tables over pages', () => {
  for (const thaiDigits of [false, true]) {
    const digits = thaiDigits ? 'Thai' : 'Arabic';

    it(`keeps the plan's small tables whole and a longer one's caption, head and first rows together (${digits} digits)`, async () => {
      const { tables, readers } = await print(sampleSource(), 'plan', thaiDigits);
      expect(tables.length).toBeGreaterThan(20);
      expect(tables.some((table) => table.rows.length > 6)).toBe(true);
      expect(badBreaks(tables, readers)).toEqual([]);
      // The budget summary (audit issue 10 D1): its section heading, lead, caption, issues and total on one page.
      const summary = tables.find((table) => table.caption.endsWith(th('pdf.doc.plan.budget')));
      expect(summary?.rows.at(-1)).toBe(th('pdf.doc.plan.total'));
      for (const pages of Object.values(readers)) {
        const heading = pages.findIndex((page) => page.some((line) => line.endsWith(th('pdf.doc.plan.budget'))));
        expect(pagesOf(pages, summary!, [...summary!.rows.keys()])).toEqual(Array(5).fill(heading));
      }
    }, 120_000);

    it(`keeps each table of the progress report whole, its total row and its goal row with the rest (${digits} digits)`, async () => {
      const { tables, readers } = await print(monitoredSource(), 'report', thaiDigits);
      // The issue summaries with their "ทั้งแผน" row, and a KPI table per issue opening with its goal row.
      expect(tables.filter((table) => table.rows.at(-1) === th('monitoring.allIssues')).length).toBe(2);
      expect(tables.filter((table) => table.rows[0]?.startsWith(th('pdf.doc.plan.goal'))).length).toBe(3);
      expect(badBreaks(tables, readers)).toEqual([]);
    }, 120_000);
  }
});
