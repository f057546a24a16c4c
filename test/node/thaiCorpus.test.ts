/**
 * Thai line breaking judged on real government text (issue 10 #2): the corpus (test/fixtures/
 * thai-gov-corpus.txt and the founding news item, typing errors left in) typeset through the real PDF engine
 * in a body column and in narrow table cells, every line break then checked by a judge independent of the
 * segmenter we ship: LibThai's dictionary (tdict, from the npm `wordcut` package, a dev dependency only),
 * with its own maximal-matching rule below, plus the syllable and number rules written out here. The breaks
 * are judged twice: as the engine laid the lines out, and as poppler (pdftotext -raw) reads the lines back
 * from the PDF, independently of the engine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { ThaiBreaker, breakOpportunities } from '../../main/core/thaiBreak.ts';
import { renderPdfWithLines, type LaidOutLine } from '../../main/services/pdf/render.ts';
import { comparable, extractPages, lineBreakProblems, paragraphs, popplerText } from '../harness/pdf.ts';
import { GOVERNMENT_PARAGRAPHS, SEED_TEXT } from '../harness/seed.ts';

const corpus = [...GOVERNMENT_PARAGRAPHS, ...SEED_TEXT.split('\n')]
  .map((line) => line.trim())
  // Paragraphs of text: not the news item's menu lines, nor its source line (a URL).
  .filter((line) => line.length > 40 && !line.includes('www.'));

/** Words of the corpus that LibThai's list lacks, added by hand (gold annotation): abbreviations. */
const HAND_ANNOTATED = ['กทม'];

/** LibThai's word list, with the typing variants the corpus has (ำ typed as ํ + า, แ as เเ). */
function judgeDictionary(): Set<string> {
  const dataDir = join(dirname(createRequire(import.meta.url).resolve('wordcut/package.json')), 'data');
  const words = new Set<string>(HAND_ANNOTATED);
  for (const file of readdirSync(dataDir).filter((f) => f.startsWith('tdict-'))) {
    for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
      const word = line.trim();
      if (word === '') continue;
      words.add(word);
      words.add(word.replaceAll('\u0E33', '\u0E4D\u0E32'));
      words.add(word.replaceAll('แ', 'เเ'));
    }
  }
  return words;
}

const THAI_RUN = /[\u0E01-\u0E3A\u0E40-\u0E4E]+/g;
const MAX_WORD = 30;
/** A character outside the dictionary costs more than any number of words. */
const UNKNOWN = 1000;

/**
 * Offsets of `text` that are a word boundary in some best segmentation of its Thai runs into judge-dictionary
 * words: the fewest characters outside the dictionary, then the fewest words, so a compound the judge knows
 * (เป้าหมาย) has no boundary inside. Forward and backward passes: k is a boundary when the best cost up to k
 * plus the best cost from k equals the best cost of the run.
 */
function judgeBoundaries(text: string, words: ReadonlySet<string>): Set<number> {
  const ok = new Set<number>();
  for (const run of text.matchAll(THAI_RUN)) {
    const s = run[0];
    const n = s.length;
    const fwd = new Array<number>(n + 1).fill(Infinity);
    const bwd = new Array<number>(n + 1).fill(Infinity);
    fwd[0] = 0;
    bwd[n] = 0;
    for (let i = 0; i < n; i++) {
      const here = fwd[i] ?? Infinity;
      fwd[i + 1] = Math.min(fwd[i + 1] ?? Infinity, here + UNKNOWN);
      for (let j = i + 1; j <= Math.min(n, i + MAX_WORD); j++) {
        if (words.has(s.slice(i, j))) fwd[j] = Math.min(fwd[j] ?? Infinity, here + 1);
      }
    }
    for (let j = n; j > 0; j--) {
      const here = bwd[j] ?? Infinity;
      bwd[j - 1] = Math.min(bwd[j - 1] ?? Infinity, here + UNKNOWN);
      for (let i = j - 1; i >= Math.max(0, j - MAX_WORD); i--) {
        if (words.has(s.slice(i, j))) bwd[i] = Math.min(bwd[i] ?? Infinity, here + 1);
      }
    }
    for (let k = 1; k < n; k++) if ((fwd[k] ?? 0) + (bwd[k] ?? 0) === fwd[n]) ok.add(run.index + k);
  }
  return ok;
}

/** Units and counters the issue names, and the words a number follows, as this judge knows them. */
const UNIT_START = /^(?:ครั้ง|ชั่วโมง|เขต|บาท|ล้าน|ลูกบาศก์เมตร|ปี|มิติ|วินาที)/;
const BEFORE_NUMBER = /(?:ร้อยละ|พ\.ศ\.|ฉบับที่|ที่)\s*$/;

/** What is wrong with a line break at `k` of `text` (the line ends at k), or undefined when it is fine. */
function breakProblem(text: string, k: number, judge: ReadonlySet<number>): string | undefined {
  const before = text.slice(0, k);
  const after = text.slice(k);
  const a = before.at(-1) ?? '';
  const b = after.charAt(0);
  const thaiLetter = /[\u0E01-\u0E3A\u0E40-\u0E4E]/;
  if (/[0-9\u0E50-\u0E59]/.test(a) && /[0-9\u0E50-\u0E59,.]/.test(b)) return 'inside a number';
  if (/[0-9\u0E50-\u0E59][,.]$/.test(before) && /[0-9\u0E50-\u0E59]/.test(b)) return 'inside a number';
  if (/[0-9\u0E50-\u0E59]\s*$/.test(before) && UNIT_START.test(after.trimStart())) return 'number split from its unit';
  if (BEFORE_NUMBER.test(before) && /^\s*[0-9\u0E50-\u0E59]/.test(after)) return 'word split from its number';
  if (/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E30\u0E32\u0E33\u0E45\u0E46\u0E2F]/.test(b)) return 'syllable split (mark)';
  if (/[\u0E40-\u0E44]/.test(a)) return 'syllable split (leading vowel)';
  if (thaiLetter.test(a) && thaiLetter.test(b) && !judge.has(k)) return 'not a word boundary';
  return undefined;
}

/**
 * The line breaks of each paragraph as poppler reads the PDF (pdftotext -raw: one text line per drawn line,
 * in drawing order): for every paragraph of `expected`, in order, the offsets in it where a line ends. Lines
 * are matched by their characters alone (whitespace aside). Throws if the lines do not spell the paragraphs.
 */
function popplerBreaks(pdf: Uint8Array, expected: readonly string[]): number[][] {
  // Characters alone: no whitespace, and ำ typed as ํ + า (a typing error of the corpus) read as one, as
  // poppler reads it (its ActualText reads the text as if that error were fixed).
  const strip = (s: string) => s.replace(/\s+/g, '').replaceAll('\u0E4D\u0E32', '\u0E33');
  const lines = popplerText(pdf, 'raw')
    .split(/[\n\f]/)
    .map(strip)
    .filter((l) => l !== '');
  let next = 0;
  return expected.map((text) => {
    const want = strip(text);
    // For each character of `want`, the offset in `text` just after it.
    const offsets: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i]!)) continue;
      if (text.startsWith('\u0E4D\u0E32', i)) i++;
      offsets.push(i + 1);
    }
    const breaks: number[] = [];
    let got = '';
    while (got.length < want.length) {
      const line = lines[next++];
      if (line === undefined || !want.startsWith(got + line)) {
        throw new Error(
          `poppler's lines do not spell the paragraph ${JSON.stringify(text.slice(0, 30))} at ${JSON.stringify(line)}`,
        );
      }
      got += line;
      if (got.length < want.length) {
        let k = offsets[got.length - 1]!;
        while (/\s/.test(text[k] ?? '')) k++;
        breaks.push(k);
      }
    }
    return breaks;
  });
}

function breakProblems(lines: readonly LaidOutLine[], words: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const group of paragraphs(lines)) {
    const text = group.map((l) => l.text).join('');
    const judge = judgeBoundaries(text, words);
    let k = 0;
    for (const line of group.slice(0, -1)) {
      k += line.text.length;
      if (line.forcedEnd) continue;
      const problem = breakProblem(text, k, judge);
      if (problem) problems.push(`${problem}: ${text.slice(Math.max(0, k - 12), k)}|${text.slice(k, k + 12)}`);
    }
  }
  return problems;
}

describe('Thai line breaks on real government text, judged by an independent dictionary', () => {
  const words = judgeDictionary();
  // The body column, and cells of 185 and 240 pt: many breaks per paragraph, and room for the widest
  // unbreakable piece (โครงการ/กิจกรรม/มาตรการ, 181 pt), so no word has to be cut as a last resort.
  const content: Content[] = [
    ...corpus.map((text): Content => ({ text, margin: [0, 0, 0, 6] })),
    ...[185, 240].map((width): Content => ({
      table: { widths: [width], body: corpus.map((text) => [{ text }]) },
      layout: 'phaenGrid',
    })),
  ];
  const doc: TDocumentDefinitions = { pageSize: 'A4', pageMargins: [85, 57, 57, 57], content };
  let lines: LaidOutLine[];
  let pages: string[];
  let pdf: Uint8Array;

  beforeAll(async () => {
    const rendered = await renderPdfWithLines(doc);
    lines = rendered.lines;
    pdf = rendered.pdf;
    pages = await extractPages(rendered.pdf);
  }, 60_000);

  it('has at least 20 paragraphs of real text and a judge that knows Thai words', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    expect(words.size).toBeGreaterThan(20_000);
    expect(judgeBoundaries('เป้าหมายของแผน', words)).toEqual(new Set([8, 11]));
  });

  it('breaks every line on a word boundary of the judge, never inside a number or a syllable', () => {
    const thaiBreaks = paragraphs(lines)
      .flatMap((group) => group.slice(0, -1))
      .filter((line) => /[\u0E01-\u0E4E]$/.test(line.text));
    expect(thaiBreaks.length).toBeGreaterThan(300);
    expect(breakProblems(lines, words)).toEqual([]);
    expect(lineBreakProblems(lines)).toEqual([]);
  });

  it('breaks every line on a word boundary of the judge as poppler reads the lines back from the PDF', () => {
    // The body, then the two columns of cells: every paragraph three times, in order.
    const printed = [...corpus, ...corpus, ...corpus];
    const breaks = popplerBreaks(pdf, printed);
    expect(breaks.flat().length).toBeGreaterThan(300);
    const problems = printed.flatMap((text, i) => {
      const judge = judgeBoundaries(text, words);
      return (breaks[i] ?? []).flatMap((k) => {
        const problem = breakProblem(text, k, judge);
        return problem ? [`${problem}: ${text.slice(Math.max(0, k - 12), k)}|${text.slice(k, k + 12)}`] : [];
      });
    });
    expect(problems).toEqual([]);
    // The same breaks the engine laid out: poppler reads no line break the layout did not make.
    const laidOut = paragraphs(lines).map((group) => {
      let k = 0;
      return group.slice(0, -1).map((line) => {
        k += line.text.length;
        return k;
      });
    });
    expect(breaks.flat().length).toBe(laidOut.flat().length);
  });

  it('is a judge that can fail: ICU alone breaks inside words it rejects, the shipped segmenter nowhere', () => {
    const rejected = (breaks: (text: string) => number[]) =>
      corpus.flatMap((text) => {
        const judge = judgeBoundaries(text, words);
        return breaks(text).flatMap((k) => {
          const problem = breakProblem(text, k, judge);
          return problem ? [`${problem}: ${text.slice(Math.max(0, k - 12), k)}|${text.slice(k, k + 12)}`] : [];
        });
      });
    const icu = new ThaiBreaker();
    expect(rejected((text) => icu.breakOpportunities(text)).length).toBeGreaterThan(30);
    expect(rejected(breakOpportunities)).toEqual([]);
  });

  it('loses no text: every paragraph reads back from the PDF', () => {
    const all = comparable(pages.join(''));
    for (const text of corpus) {
      const first = all.indexOf(comparable(text));
      expect([text.slice(0, 30), first]).not.toEqual([text.slice(0, 30), -1]);
    }
  });
});
