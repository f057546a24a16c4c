/**
 * Reading a rendered PDF back, for tests: text as pdf.js extracts it, the glyphs the content streams draw,
 * and checks of laid-out lines against the Thai break rules. Real parsing of the real bytes, no mocks.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { breakOpportunities } from '../../main/core/thaiBreak.ts';
import type { LaidOutLine } from '../../main/services/pdf/render.ts';
import { installThaiLexicon } from '../../main/services/thaiLexicon.ts';
import { judged } from './judged.ts';

/** The shipped resources folder: fonts and the Thai lexicon. */
export const RESOURCES_DIR = join(import.meta.dirname, '..', '..', 'resources');

// Checks below compare the engine's breaks with breakOpportunities here: the same lexicon as the PDF worker.
installThaiLexicon(RESOURCES_DIR);

/**
 * Text per page as pdf.js extracts it (what copy-paste and search see); line ends as "\n". pdf.js applies
 * NFKC by default, which turns ำ into ํ + า: `exact` reads the characters as the PDF maps them, as Firefox's
 * search and copy do.
 */
export async function extractPages(pdf: Uint8Array, { exact = false } = {}): Promise<string[]> {
  const task = getDocument({ data: pdf.slice(), verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent({ disableNormalization: exact });
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export type PopplerMode = 'default' | 'layout' | 'raw';

/**
 * The text poppler's pdftotext extracts (Evince and Okular search and copy with the same code): in its
 * default reading order, -layout or -raw. Throws, naming the package, when poppler-utils is missing.
 */
export function popplerText(pdf: Uint8Array, mode: PopplerMode): string {
  const dir = mkdtempSync(join(tmpdir(), 'phaen-poppler-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const args = [...(mode === 'default' ? [] : [`-${mode}`]), '-enc', 'UTF-8', file, '-'];
    return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext not found: install poppler-utils (apt-get install -y poppler-utils)', {
        cause: err,
      });
    }
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

/**
 * How an extraction differs from the source paragraphs, in words a reader sees: characters missing, extra
 * or out of order (ท่ี for ที่, ํา for ำ: no normalisation is applied), a space inside a word (a word no
 * longer found by search), a line starting with a detached mark. Line ends may fall anywhere a line
 * breaks, form feeds between pages; spaces count only where the source has none. Empty when all is well.
 */
export function extractionProblems(source: readonly string[], extracted: string): string[] {
  const want = source.join('\n');
  const problems: string[] = [];
  const strip = (s: string) => s.replace(/\s+/g, '');
  if (strip(extracted) !== strip(want)) {
    const a = strip(want);
    const b = strip(extracted);
    let k = 0;
    while (k < a.length && a[k] === b[k]) k++;
    problems.push(
      `text differs at ${k}: want ${JSON.stringify(a.slice(k - 8, k + 8))}, read ${JSON.stringify(b.slice(k - 8, k + 8))}`,
    );
    return problems;
  }
  for (const line of extracted.split(/[\n\f]/)) {
    if (MARK.test(line.trimStart()[0] ?? ''))
      problems.push(`line starts with a detached mark: ${JSON.stringify(line)}`);
  }
  // Walk both texts: a space read inside a line where the source has no whitespace splits a word. Spaces at
  // the ends of a line (-layout pads) are not counted.
  let i = 0;
  let spaceRead = false;
  let lineStart = true;
  for (let j = 0; j < extracted.length; j++) {
    const c = extracted[j] as string;
    if (c === '\n' || c === '\f') {
      spaceRead = false;
      lineStart = true;
      continue;
    }
    if (/\s/.test(c)) {
      spaceRead ||= !lineStart;
      continue;
    }
    let spaceInSource = false;
    while (i < want.length && /\s/.test(want[i] as string)) {
      spaceInSource = true;
      i++;
    }
    if (spaceRead && !spaceInSource) {
      problems.push(`space inside a word: ${JSON.stringify(extracted.slice(Math.max(0, j - 10), j + 6))}`);
    }
    i++;
    spaceRead = false;
    lineStart = false;
  }
  return problems;
}

/** Text compared as the issue asks: NFKC, whitespace removed. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export interface DrawnText {
  /** BaseFont of the font, e.g. "ABCDEF+Sarabun-Bold". */
  readonly font: string;
  /** Glyph ids (CIDs of the Identity-H encoded font = subset glyph ids), in drawing order. */
  readonly glyphs: number[];
}

/**
 * Every text-showing operation in the page content streams, with the glyph ids it draws, parsed from the
 * raw PDF (pdfkit writes Type0 fonts with Identity-H encoding and hex strings in TJ arrays). Glyph id 0 is
 * .notdef, the missing-glyph box.
 */
export function drawnText(pdf: Uint8Array): DrawnText[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(?:stream|endobj)/g)) {
    objects.set(Number(m[1]), m[2] ?? '');
  }
  // Font resource names (/F1) to BaseFont, through the font objects they reference.
  const fontNames = new Map<string, string>();
  for (const dict of objects.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(dict)?.[1];
    if (!fonts) continue;
    for (const ref of fonts.matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
      const base = /\/BaseFont\s*\/(\S+)/.exec(objects.get(Number(ref[2])) ?? '')?.[1];
      if (base && ref[1]) fontNames.set(ref[1], base);
    }
  }
  const out: DrawnText[] = [];
  for (const m of raw.matchAll(/<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    const length = Number(/\/Length\s+(\d+)/.exec(m[1] ?? '')?.[1] ?? -1);
    if (length < 0) continue;
    const start = (m.index ?? 0) + m[0].length;
    let bytes: Buffer = Buffer.from(pdf.subarray(start, start + length));
    if (/\/FlateDecode/.test(m[1] ?? '')) {
      try {
        bytes = inflateSync(bytes);
      } catch {
        continue;
      }
    }
    const content = bytes.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    let font = '';
    for (const op of content.matchAll(
      /\/(\S+)\s+[\d.]+\s+Tf|\[((?:[^\]<]|<[0-9a-fA-F\s]*>)*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj/g,
    )) {
      if (op[1] !== undefined) {
        font = fontNames.get(op[1]) ?? op[1];
        continue;
      }
      const hex =
        op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F\s]*)>/g)].map((h) => h[1] ?? '') : [op[3] ?? ''];
      const glyphs = hex.flatMap((h) => h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
      out.push({ font, glyphs });
    }
  }
  return out;
}

/** The lines of each paragraph in layout order, a repeated table header counted once. */
export function paragraphs(lines: readonly LaidOutLine[]): LaidOutLine[][] {
  const groups = new Map<number, Map<number, LaidOutLine>>();
  for (const line of lines) {
    const group = groups.get(line.paragraph) ?? new Map<number, LaidOutLine>();
    if (!group.has(line.seq)) group.set(line.seq, line);
    groups.set(line.paragraph, group);
  }
  return [...groups.values()].map((g) => [...g.values()].sort((a, b) => a.seq - b.seq));
}

const COMBINING = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * Every line break that is not allowed: a break must be a Thai/space break opportunity of the paragraph
 * (main/core/thaiBreak.ts), or a newline in the text, or, when a single word is too long for the line by
 * itself, a grapheme cluster boundary; no line may start with a combining mark. Also flags lines wider than
 * their column. Empty when all is well.
 */
export function lineBreakProblems(lines: readonly LaidOutLine[]): string[] {
  const problems: string[] = [];
  for (const group of paragraphs(lines)) {
    const text = group.map((l) => l.text).join('');
    const legal = new Set(breakOpportunities(text));
    const clusters = new Set([...graphemes.segment(text)].map((g) => g.index));
    let start = 0;
    group.forEach((line, i) => {
      const where = `page ${line.page} ${JSON.stringify(line.text)}`;
      if (COMBINING.test(line.text.trimStart())) problems.push(`line starts with a combining mark: ${where}`);
      if (line.width > line.maxWidth + 0.01 && [...graphemes.segment(line.text.trim())].length > 1) {
        problems.push(`line wider than its column (${line.width} > ${line.maxWidth}): ${where}`);
      }
      const end = start + line.text.length;
      if (i < group.length - 1 && !line.forcedEnd && !legal.has(end)) {
        const wordInside = [...legal].some((k) => k > start && k < end);
        if (!clusters.has(end)) problems.push(`break inside a grapheme cluster: ${where}`);
        else if (wordInside) problems.push(`break inside a word that did not need cutting: ${where}`);
      }
      start = end;
    });
  }
  return problems;
}

/** A number's characters: digits of either set, and the separators inside a number (1,250,000.50; ๔.๑๐). */
const NUMBER_END = /[0-9๐-๙][,.]?$/;
const NUMBER_START = /^[,.]?[0-9๐-๙]/;

/**
 * Every number broken across two lines of a paragraph or cell: a line that ends inside a number (a digit, or a
 * separator after one, with no space before the break) and a next line that goes on with its digits.
 */
export function splitNumbers(lines: readonly LaidOutLine[]): string[] {
  const problems: string[] = [];
  for (const group of paragraphs(lines)) {
    group.slice(0, -1).forEach((line, i) => {
      const next = group[i + 1]!;
      if (!line.forcedEnd && NUMBER_END.test(line.text) && NUMBER_START.test(next.text)) {
        problems.push(
          `page ${line.page}: ${JSON.stringify(line.text.slice(-20))} | ${JSON.stringify(next.text.slice(0, 20))}`,
        );
      }
    });
  }
  return problems;
}

/**
 * The rows of the document's tables (every `table` node of a pdfmake definition, heads included) that a reader's
 * text does not hold in reading order: each row's cells one after the other (white space aside) and each row
 * after the one before it. `text`: what pdf.js or poppler extracted.
 */
export function tableRowsOutOfOrder(doc: TDocumentDefinitions, text: string): string[] {
  // Word joiners and zero-width spaces the document may hold (text.ts) are not text a reader sees.
  const squeeze = (s: string) => s.replace(/[\s\u200b\u2060]+/g, '');
  const flat = squeeze(text);
  const cellText = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.map(cellText).join('')
        : value && typeof value === 'object'
          ? cellText((value as { text?: unknown }).text)
          : '';
  const rows: string[][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const body = (value as { table?: { body?: unknown[][] } }).table?.body;
    if (body) rows.push(...body.map((row) => row.map((cell) => squeeze(cellText(cell)))));
    for (const child of Object.values(value)) walk(child);
  };
  walk(doc.content);
  const problems: string[] = [];
  let from = 0;
  for (const row of judged(
    rows.filter((row) => row.join('') !== ''),
    'table row in the document',
  )) {
    const joined = row.join('');
    const at = flat.indexOf(joined, from);
    if (at < 0) problems.push(row.filter(Boolean).join(' | '));
    else from = at + joined.length;
  }
  return problems;
}

/** "1.2.3" before "1.10.1": hierarchical numbers compared part by part. */
function compareNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Hierarchical numbers (KPIs 1.1.1, 1.1.2, 1.2.1, 2.1.1) printed out of that order or twice, each named after the
 * one it follows ("1.1.2 after 2.1.1").
 */
export function outOfHierarchy(numbers: readonly string[]): string[] {
  return judged(numbers, 'hierarchical number').flatMap((n, i) =>
    i > 0 && compareNumbers(numbers[i - 1]!, n) >= 0 ? [`${n} after ${numbers[i - 1]}`] : [],
  );
}
