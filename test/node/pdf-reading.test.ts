/**
 * The printed plan as a reader meets it in a viewer: bookmarks to every chapter and section, the document's
 * properties and language, body paragraphs with both edges straight, and text that copies and searches as
 * typed. The sample plan printed for real, read back with pdf.js and poppler.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { CHAPTERS } from '../../main/core/pdf/options.ts';
import { translator } from '../../main/services/locales.ts';
import { type LaidOutLine, renderPdfWithLines } from '../../main/services/pdf/render.ts';
import { comparable, extractPages, paragraphs, popplerText } from '../harness/pdf.ts';
import { RESOURCES, sampleSource } from '../harness/pdfPlan.ts';

const th = translator(RESOURCES, 'th');

async function print(thaiDigits: boolean) {
  const built = buildDocument('plan', {
    source: sampleSource(),
    options: { language: 'th', thaiDigits, chapters: CHAPTERS, date: '2021-09-13' },
    t: th,
  });
  return renderPdfWithLines(built.doc, { numbering: built.numbering });
}

interface Bookmark {
  readonly title: string;
  /** 1-based page it opens. */
  readonly page: number;
  readonly children: Bookmark[];
}

/** The bookmarks (outline) and document information as pdf.js reads them. */
async function readOutline(pdf: Uint8Array) {
  const task = getDocument({ data: pdf.slice(), verbosity: 0 });
  const doc = await task.promise;
  try {
    const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>> | undefined): Promise<Bookmark[]> =>
      Promise.all(
        (items ?? []).map(async (item) => {
          const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
          const ref = dest?.[0] as Parameters<typeof doc.getPageIndex>[0];
          return { title: item.title, page: (await doc.getPageIndex(ref)) + 1, children: await walk(item.items) };
        }),
      );
    const { info } = await doc.getMetadata();
    return { outline: await walk(await doc.getOutline()), info: info as Record<string, unknown> };
  } finally {
    await task.destroy();
  }
}

/** Key: value lines of poppler's pdfinfo. */
function pdfinfo(pdf: Uint8Array): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'phaen-pdfinfo-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', join(dir, 'doc.pdf')], { encoding: 'utf8' });
    return Object.fromEntries(
      out.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface StructNode {
  readonly role: string;
  readonly alt?: string;
  /** The text of its own marked content (children that are content, read with pdf.js). */
  readonly text: string;
  readonly children: StructNode[];
}

/**
 * Each page's structure tree as pdf.js reads it (getStructTree), each element with the text of the marked
 * content it owns (getTextContent with marked content: the spans between a BDC with its MCID and its EMC).
 */
async function readStructure(pdf: Uint8Array): Promise<StructNode[][]> {
  const task = getDocument({ data: pdf.slice(), verbosity: 0 });
  const doc = await task.promise;
  try {
    const out: StructNode[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const byId = new Map<string, string>();
      const open: (string | null)[] = [];
      for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
        if ('type' in item && item.type === 'beginMarkedContentProps') open.push(item.id ?? null);
        else if ('type' in item && item.type === 'beginMarkedContent') open.push(null);
        else if ('type' in item && item.type === 'endMarkedContent') open.pop();
        else if ('str' in item) {
          const id = open.findLast((o) => o !== null);
          if (id) byId.set(id, (byId.get(id) ?? '') + item.str);
        }
      }
      type Raw = { role?: string; alt?: string; type?: string; id?: string; children?: Raw[] };
      const convert = (node: Raw): StructNode => {
        const kids = node.children ?? [];
        return {
          role: node.role ?? '',
          ...(node.alt ? { alt: node.alt } : {}),
          text: kids
            .filter((k) => k.type === 'content')
            .map((k) => byId.get(k.id ?? '') ?? '')
            .join(''),
          children: kids.filter((k) => k.role !== undefined).map(convert),
        };
      };
      const tree = (await page.getStructTree()) as Raw | null;
      out.push((tree?.children ?? []).map(convert));
    }
    return out;
  } finally {
    await task.destroy();
  }
}

/** /MarkInfo and /StructTreeRoot of the document catalog as qpdf reads them. */
function catalog(pdf: Uint8Array): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'phaen-qpdf-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const json = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-key=qpdf', join(dir, 'doc.pdf')], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      }),
    ) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
    const objects = json.qpdf[1];
    const root = Object.values(objects).find((o) => o.value?.['/Type'] === '/Catalog')!.value!;
    const deref = (v: unknown) => (typeof v === 'string' && v.endsWith(' R') ? objects[`obj:${v}`]?.value : v);
    return { ...root, '/MarkInfo': deref(root['/MarkInfo']), '/StructTreeRoot': deref(root['/StructTreeRoot']) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Objects the cross-reference table points at that do not start there ("N 0 obj"), and qpdf's --check verdict:
 * a viewer that finds an offset wrong rebuilds the table, slowly or not at all (the engine gathers pdfkit's output
 * itself, pdfOutput.ts, and counts the offsets as it goes).
 */
function crossReferenceFaults(pdf: Uint8Array): { misplaced: number[]; objects: number; check: string } {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const start = Number(/startxref\n(\d+)/.exec(text)?.[1]);
  const table = text.slice(start, text.indexOf('trailer', start)).split('\n');
  const objects = Number(table[1]?.split(' ')[1]) - 1;
  const misplaced: number[] = [];
  for (let id = 1; id <= objects; id++) {
    const offset = Number(table[2 + id]?.slice(0, 10));
    if (!text.startsWith(`${id} 0 obj`, offset)) misplaced.push(id);
  }
  const dir = mkdtempSync(join(tmpdir(), 'phaen-qpdf-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const check = execFileSync('qpdf', ['--check', join(dir, 'doc.pdf')], { encoding: 'utf8' });
    return { misplaced, objects, check };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each([
  ['Arabic', false],
  ['Thai', true],
] as const)('the printed sample plan in %s digits', (_digits, thaiDigits) => {
  let pdf: Uint8Array;
  let lines: LaidOutLine[];
  let pages: string[];
  beforeAll(async () => {
    ({ pdf, lines } = await print(thaiDigits));
    pages = await extractPages(pdf);
  }, 60_000);

  it('has a bookmark for every chapter, with its sections and subsections nested under it, each opening its page', async () => {
    const { outline } = await readOutline(pdf);
    const number = thaiDigits ? '[๐-๙]' : '[0-9]';
    const chapters = outline.filter((b) => new RegExp(`^บทที่ ${number}+ `).test(b.title));
    expect(chapters.length).toBeGreaterThanOrEqual(6);
    expect(outline.at(-1)?.title).toBe(th('pdf.doc.chapter.annexes'));
    let sections = 0;
    let subsections = 0;
    for (const [i, chapter] of chapters.entries()) {
      // The chapter opens on the page that prints its number over its title.
      expect(comparable(pages[chapter.page - 1] ?? '')).toContain(comparable(chapter.title));
      for (const section of chapter.children) {
        sections++;
        const n = thaiDigits ? '๑๒๓๔๕๖๗๘๙'[i] : String(i + 1);
        expect(section.title.startsWith(`${n}.`), section.title).toBe(true);
        expect(comparable(pages[section.page - 1] ?? '')).toContain(comparable(section.title));
        for (const sub of section.children) {
          subsections++;
          expect(sub.title.startsWith(section.title.split(' ')[0] ?? '')).toBe(true);
          expect(comparable(pages[sub.page - 1] ?? '')).toContain(comparable(sub.title));
        }
      }
    }
    expect(sections).toBeGreaterThan(20);
    expect(subsections).toBeGreaterThan(5);
    // The front matter first: the foreword and the contents, each opening its page (issue 10 #7).
    const front = outline.slice(0, 2);
    expect(front.map((b) => b.title)).toEqual([th('pdf.doc.foreword.title'), th('pdf.doc.toc.title')]);
    for (const bookmark of front) expect((pages[bookmark.page - 1] ?? '').trim().startsWith(bookmark.title)).toBe(true);
  });

  it('sets the cover title in balanced lines, "ระยะ 5 ปี" never parted from its number', () => {
    const cover = lines.filter((l) => l.page === 1 && (l.pieces[0]?.fontSize ?? 0) > 18);
    const title = cover.filter((l) => !l.text.trim().startsWith('('));
    expect(title.length).toBeGreaterThan(1);
    expect(title.map((l) => l.text).join('')).toContain(thaiDigits ? 'ระยะ ๕ ปี' : 'ระยะ 5 ปี');
    // Lines about equally long: the shortest at least half the longest (not one word left alone).
    const widths = title.map((l) => l.width);
    expect(Math.min(...widths)).toBeGreaterThan(Math.max(...widths) / 2);
  });

  it('has every object where its cross-reference table says, and nothing qpdf would repair', () => {
    const { misplaced, objects, check } = crossReferenceFaults(pdf);
    expect(objects).toBeGreaterThan(1000); // pages, fonts, and the tagged structure's elements
    expect(misplaced).toEqual([]);
    expect(check).toContain('No syntax or stream encoding errors found');
  });

  it('names its title, author (the organisation), subject, keywords and Thai language for pdf.js and poppler', async () => {
    const plan = sampleSource().plan;
    const { info } = await readOutline(pdf);
    expect(info.Title).toBe(plan.title);
    expect(info.Author).toBe(plan.organisation);
    expect(info.Subject).toBe(th('pdf.doc.subject'));
    expect(info.Keywords).toContain(plan.organisation);
    expect(info.Keywords).toContain('2566–2570');
    expect(info.Language).toBe('th');
    const poppler = pdfinfo(pdf);
    expect(poppler.Title).toBe(plan.title);
    expect(poppler.Author).toBe(plan.organisation);
    expect(poppler.Keywords).toBe(info.Keywords);
  });

  it('is tagged: marked, Thai, headings, paragraphs, tables and figures with their captions as alternative text', async () => {
    const root = catalog(pdf);
    expect(root['/MarkInfo']).toMatchObject({ '/Marked': true });
    expect(root['/StructTreeRoot']).toMatchObject({ '/Type': '/StructTreeRoot' });
    expect(root['/Lang']).toBe('u:th');
    const structure = (await readStructure(pdf)).flat();
    const all = (nodes: readonly StructNode[]): StructNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
    // Compared without spaces: pdf.js reads a justified line's widened gaps as it likes.
    const squeezed = (t: string) => comparable(t).replace(/\s+/g, '');
    const text = (role: string) =>
      all(structure)
        .filter((n) => n.role === role)
        .map((n) => squeezed(n.text));
    const ch = (n: number) => (thaiDigits ? String.fromCharCode(0x0e50 + n) : String(n));
    // Chapter numbers and titles as H1, numbered sections as H2, body text as P, captions as Caption.
    expect(text('H1')).toContain(`บทที่${ch(1)}`);
    expect(text('H1')).toContain(squeezed(th('pdf.doc.chapter.intro')));
    expect(text('H2').some((t) => t.startsWith(`${ch(1)}.${ch(1)}`))).toBe(true);
    expect(text('P').some((t) => t.includes(squeezed('สำนักงานประชาสัมพันธ์')))).toBe(true);
    expect(text('Caption').some((t) => t.startsWith('ตารางที่'))).toBe(true);
    // Tables as Table → TR → TH/TD, the head row's cells as TH.
    const tables = all(structure).filter((n) => n.role === 'Table');
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) expect(table.children.every((row) => row.role === 'TR')).toBe(true);
    const cells = tables.flatMap((t) => t.children.flatMap((r) => r.children));
    expect(new Set(cells.map((c) => c.role))).toEqual(new Set(['TH', 'TD']));
    expect(cells.filter((c) => c.role === 'TH').map((c) => comparable(c.text))).toContain(
      comparable(th('glossary.kpi')),
    );
    // Figures carry their captions as /Alt.
    const figures = all(structure).filter((n) => n.role === 'Figure');
    expect(figures.length).toBeGreaterThanOrEqual(3);
    expect(figures.map((f) => f.alt)).toContain(th('pdf.map.title'));
    // The running head is an artifact: the plan title is not read as content on every page.
    const title = squeezed(sampleSource().plan.title);
    expect(text('P').filter((t) => t === title).length).toBeLessThan(3);
  });

  it('sets body paragraphs with both edges straight, none loose: spaces at most half an em wider, clusters at most 0.08 em apart', () => {
    // Body paragraphs: their first line starts at the paragraph indent (1.25 cm).
    const body = paragraphs(lines).filter((group) => Math.abs((group[0]?.pieces[0]?.x ?? 0) - 35.43) < 0.5);
    const inner = body.flatMap((group) => group.slice(0, -1).filter((l) => !l.forcedEnd));
    expect(inner.length).toBeGreaterThan(20);
    let flush = 0;
    for (const line of inner) {
      const em = line.pieces[0]?.fontSize ?? 16;
      const cluster = Math.max(...line.pieces.map((p) => p.clusterSpacing));
      expect(cluster).toBeLessThanOrEqual(0.08 * em + 1e-9);
      for (let i = 1; i < line.pieces.length; i++) {
        const prev = line.pieces[i - 1]!;
        const gap = line.pieces[i]!.x - (prev.x + prev.width);
        expect(gap).toBeLessThanOrEqual(0.5 * em + 1e-6);
      }
      const last = line.pieces.at(-1)!;
      if (Math.abs(last.x + last.width - last.trailingCut - line.maxWidth) < 0.1) flush++;
      else expect(cluster, `short of the edge below the limit: ${line.text}`).toBeCloseTo(0.08 * em, 6);
    }
    // Lines left short at the limit are the exception.
    expect(flush / inner.length).toBeGreaterThan(0.85);
    // Last lines stay left-aligned: no spread.
    for (const group of body) expect(group.at(-1)?.pieces.every((p) => p.clusterSpacing === 0)).toBe(true);
  });

  it('copies and searches as typed: ำ as one character, no line starting with a detached mark, in pdf.js and poppler', async () => {
    const exact = (await extractPages(pdf, { exact: true })).join('\n');
    const readers = [exact, popplerText(pdf, 'default'), popplerText(pdf, 'layout'), popplerText(pdf, 'raw')];
    for (const text of readers) {
      expect(text).not.toContain('\u0E4D\u0E32');
      expect(text).toContain('สำนักงานประชาสัมพันธ์');
      const detached = text.split('\n').filter((l) => /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(l.trimStart()));
      expect(detached).toEqual([]);
    }
  });
});
