/**
 * Page checks for tests, as a typesetter would look at the printed plan: no near-empty page, no heading
 * without two lines of its content under it on its page, no widow or orphan line. Near-empty pages are read
 * from the PDF itself with poppler (pdftotext -bbox-layout), independently of the engine; the rest from the
 * lines the engine laid out (which paragraph each belongs to), placed on the real pages.
 *
 * A check that finds nothing of what it judges (no table running over a page, no heading, no list) throws
 * rather than passing: a reader or a layout that changed so that nothing is found would otherwise pass every
 * check (test/node/page-checks.test.ts holds made-up pages each check must flag, and some it must pass).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaidOutLine } from '../../main/services/pdf/render.ts';
import { breakOpportunities } from '../../main/core/thaiBreak.ts';
import { judged } from './judged.ts';
import { paragraphs } from './pdf.ts';
import type { TextBox } from './textBoxes.ts';

export interface PageBox {
  readonly width: number;
  readonly height: number;
  /** Body text lines as poppler reads them: top edge and text, header and footer excluded. */
  readonly lines: readonly { y: number; text: string }[];
}

/** Where the body is: below the running head and above the page number (the plan's margins). */
export interface BodyArea {
  readonly top: number;
  readonly bottom: number;
}

/** The pages, once it is known that some body text was read from them. */
const withText = (pages: readonly PageBox[]) => {
  judged(
    pages.flatMap((page) => page.lines),
    'body text on any page',
  );
  return pages;
};

/** Every page of the PDF with its body text lines, read by poppler. */
export function popplerPages(pdf: Uint8Array, area: BodyArea): PageBox[] {
  const dir = mkdtempSync(join(tmpdir(), 'phaen-pages-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
    return judged(pages, 'page in pdftotext -bbox-layout').map((page) => {
      const height = Number(page[2]);
      const lines = [...(page[3] ?? '').matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)]
        .map((line) => ({
          y: Number(line[1]),
          text: [...(line[2] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
        }))
        .filter((line) => line.y > area.top - 4 && line.y < height - area.bottom);
      return { width: Number(page[1]), height, lines };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Pages whose body holds one or two lines of text and nothing above them (a figure leaves its caption low on
 * the page): a page a reader would take for a printing mistake. Rows of text at the same height count once.
 */
export function nearEmptyPages(pages: readonly PageBox[], area: BodyArea): string[] {
  return withText(pages).flatMap((page, i) => {
    const rows = [...new Set(page.lines.map((l) => Math.round(l.y)))].sort((a, b) => a - b);
    const filled = rows.length === 0 ? 0 : (rows[rows.length - 1] ?? 0) - area.top;
    if (rows.length > 2 || filled > 100) return [];
    return [`page ${i + 1}: ${rows.length} line(s) ${JSON.stringify(page.lines.map((l) => l.text).join(' / '))}`];
  });
}

/**
 * Pages left mostly empty by a section that moved on to the next page: a page whose body is filled less than a
 * quarter of its height while the next page, of the same orientation, starts with a numbered section heading
 * (4.7.2 …), not a chapter (which starts a page by design). A quarter, not the engine's third: a heading over
 * a figure taller than the rest of the page (the strategy map) moves with it and may leave a third behind.
 */
export function pagesLeftShort(pages: readonly PageBox[], area: BodyArea): string[] {
  return withText(pages)
    .slice(0, -1)
    .flatMap((page, i) => {
      const next = pages[i + 1]!;
      const first = next.lines[0]?.text ?? '';
      if (next.width !== page.width || !/^[0-9๐-๙]+(\.[0-9๐-๙]+)+ \S/.test(first)) return [];
      const last = Math.max(area.top, ...page.lines.map((l) => l.y));
      const filled = (last - area.top) / (page.height - area.top - area.bottom);
      return filled < 1 / 4
        ? [`page ${i + 1}: ${Math.round(filled * 100)} % filled before ${JSON.stringify(first)}`]
        : [];
    });
}

/** A numbered section heading's first line as read back ("4.7.2 …"), or a chapter's ("บทที่ 4"). */
const STARTS_SECTION = /^([0-9๐-๙]+(\.[0-9๐-๙]+)+ \S|บทที่ [0-9๐-๙]+$)/;

/**
 * A section's last lines left on a page of their own before the page turns (to landscape for the project table,
 * or back): a page filled less than a quarter whose text goes on from the page before (it starts with no
 * section or chapter of its own) while the next page is turned. The large plan's strategies left their last two
 * goals so before the landscape project table, 19 % filled, in the middle of a chapter. A chapter's short last
 * page is not one: a chapter starts a page by design, as in any book.
 */
export function tailsBeforeTurns(pages: readonly PageBox[], area: BodyArea): string[] {
  const turns = judged(
    withText(pages).flatMap((page, i) => (i > 0 && pages[i + 1] && pages[i + 1]!.width !== page.width ? [i] : [])),
    'page followed by a turned page',
  );
  return turns.flatMap((i) => {
    const page = pages[i]!;
    const first = page.lines[0]?.text ?? '';
    if (pages[i - 1]!.width !== page.width || STARTS_SECTION.test(first)) return [];
    // To the foot of its last line (a line of body text under its top), as tableTails measures.
    const last = Math.max(area.top, ...page.lines.map((l) => l.y)) + 20;
    const filled = (last - area.top) / (page.height - area.top - area.bottom);
    return filled < 1 / 4 ? [`page ${i + 1}: ${Math.round(filled * 100)} % filled before the page turns`] : [];
  });
}

/** A body line laid out by the engine (not the running head or the page number). */
function inBody(line: LaidOutLine, pages: readonly PageBox[], area: BodyArea): boolean {
  const height = pages[line.page - 1]?.height ?? 0;
  return line.y > area.top - 1 && line.y < height - area.bottom && line.text.trim() !== '';
}

/** Widow and orphan lines: a paragraph or list item that leaves one line alone on either side of a page break. */
export function widowsAndOrphans(lines: readonly LaidOutLine[], pages: readonly PageBox[], area: BodyArea): string[] {
  const problems: string[] = [];
  const overPages = paragraphs(lines.filter((l) => l.paragraph >= 0 && inBody(l, pages, area))).filter(
    (group) => new Set(group.map((l) => l.page)).size > 1,
  );
  for (const group of judged(overPages, 'paragraph running over a page')) {
    const perPage = new Map<number, LaidOutLine[]>();
    for (const line of group) perPage.set(line.page, [...(perPage.get(line.page) ?? []), line]);
    for (const [page, on] of perPage) {
      if (on.length < 2) problems.push(`page ${page}: one line of a paragraph alone: ${JSON.stringify(on[0]?.text)}`);
    }
  }
  return problems;
}

/** More than this between a heading and the first text line under it: a figure fills the gap (pt). */
const FIGURE_GAP = 120;

/** Whether a laid-out line is a heading: bold body-size text or larger, starting at the text's left edge. */
export type IsHeading = (line: LaidOutLine) => boolean;

/**
 * Headings without at least two lines of their content under them on their page, while that content goes
 * on over the page (content: the lines after the heading up to the next heading; rows at one height count
 * once). A heading directly over another counts as with its content when that one is on its page.
 */
export function strandedHeadings(
  lines: readonly LaidOutLine[],
  pages: readonly PageBox[],
  area: BodyArea,
  isHeading: IsHeading,
): string[] {
  const body = lines.filter((l) => inBody(l, pages, area));
  // Reading order: page, then top to bottom (cells of one row share a height).
  const order = [...body].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  judged(order.filter(isHeading), 'heading');
  const problems: string[] = [];
  order.forEach((line, i) => {
    if (!isHeading(line)) return;
    const next = order[i + 1];
    // Only a heading's last line is checked: its lines run on to the next heading line.
    if (next && isHeading(next) && next.paragraph === line.paragraph) return;
    const content: LaidOutLine[] = [];
    let k = i + 1;
    for (; k < order.length && !isHeading(order[k]!); k++) content.push(order[k]!);
    const following = order[k];
    if (content.length === 0) {
      if (following && following.page !== line.page)
        problems.push(`page ${line.page}: heading at the foot: ${line.text}`);
      return;
    }
    const onPage = [...new Set(content.filter((c) => c.page === line.page).map((c) => Math.round(c.y)))];
    const runsOver = content.some((c) => c.page !== line.page);
    // A line far under the heading has something drawn above it (a figure over its caption).
    const figure = onPage.some((y) => y - line.y > FIGURE_GAP);
    if (runsOver && onPage.length < 2 && !figure) {
      problems.push(`page ${line.page}: ${onPage.length} line(s) under the heading ${JSON.stringify(line.text)}`);
    }
  });
  return problems;
}

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });
const clusterGaps = (text: string) => Math.max(0, [...graphemes.segment(text.trimEnd())].length - 1);

/** A justified line reaches the right edge (its trailing space aside) within this, in points. */
const EDGE = 0.05;

/**
 * The fewest lines of a justified paragraph that must stop short of the measure, whatever the breaks: an
 * independent count over the paragraph's pieces at their natural widths, its break opportunities
 * (core/thaiBreak.ts) and the spread limits (spaces up to 0.5 em, then 0.08 em between grapheme clusters).
 */
function leastShortLines(group: readonly LaidOutLine[]): number {
  const pieces = group.flatMap((line) => line.pieces);
  const breaks = new Set(breakOpportunities(group.map((l) => l.text).join('')));
  const measure = group[0]?.maxWidth ?? 0;
  const em = pieces[0]?.fontSize ?? 0;
  const ends: number[] = []; // offsets in the text after each piece
  let at = 0;
  for (const piece of pieces) ends.push((at += piece.text.length));
  const natural = pieces.map((p) => p.width - p.clusterSpacing * clusterGaps(p.text));
  const least = new Array<number>(pieces.length + 1).fill(Infinity);
  least[0] = 0;
  for (let a = 0; a < pieces.length; a++) {
    if (least[a] === Infinity || (a > 0 && !breaks.has(ends[a - 1]!))) continue;
    // The first line starts after the paragraph's indent (its first piece's place on the line).
    let width = a === 0 ? (pieces[0]?.x ?? 0) : 0;
    let stretch = 0;
    for (let b = a; b < pieces.length; b++) {
      const piece = pieces[b]!;
      width += natural[b]!;
      if (b > a) stretch += /\s$/.test(pieces[b - 1]!.text) ? 0.5 * em : 0.08 * em;
      stretch += clusterGaps(piece.text) * 0.08 * em;
      if (width - piece.trailingCut > measure + EDGE) break;
      if (b < pieces.length - 1 && !breaks.has(ends[b]!)) continue;
      const short = b < pieces.length - 1 && width - piece.trailingCut + stretch < measure - EDGE ? 1 : 0;
      least[b + 1] = Math.min(least[b + 1]!, least[a]! + short);
    }
  }
  // Infinity: a word wider than the line had to be cut where Thai does not break; such a paragraph is not judged.
  return least[pieces.length]!;
}

/**
 * Lines of justified paragraphs that stop short of the right edge: every line but a paragraph's last (and one
 * ending at a newline in the text) must end, its trailing space aside, at the measure, unless no choice of
 * breaks could fill it. Lists a paragraph's short lines when it has more of them than leastShortLines allows.
 */
export function shortJustifiedLines(lines: readonly LaidOutLine[]): string[] {
  return judged(paragraphs(lines.filter((l) => l.justified)), 'justified paragraph').flatMap((group) => {
    const short = group.filter((line) => {
      const last = line.pieces.at(-1);
      if (line.lastInParagraph || line.forcedEnd || !last) return false;
      return Math.abs(last.x + last.width - last.trailingCut - line.maxWidth) > EDGE;
    });
    if (short.length <= leastShortLines(group)) return [];
    return short.map((line) => {
      const last = line.pieces.at(-1)!;
      const gap = line.maxWidth - (last.x + last.width - last.trailingCut);
      return `page ${line.page}: ends ${gap.toFixed(2)} pt short: ${JSON.stringify(line.text)}`;
    });
  });
}

/**
 * The annex's KPI cards split over pages: a card runs from its definition's label (`first`) to its responsible
 * unit's (`last`), as printed, and is kept on one page.
 */
export function cardsSplit(lines: readonly LaidOutLine[], first: string, last: string): string[] {
  const order = [...lines].sort((a, b) => a.page - b.page || a.y - b.y);
  const cards = judged(
    order.flatMap((line, i) =>
      line.text.trim() === first ? [{ start: line, end: order.slice(i).find((l) => l.text.trim() === last) }] : [],
    ),
    'KPI card',
  );
  return cards
    .filter(({ start, end }) => end?.page !== start.page)
    .map(({ start, end }) => `page ${start.page}: a KPI card ends on page ${end?.page ?? 'none'}`);
}

/** A KPI's name in a table, numbered x.y.z. */
const KPI_NAME = /^[0-9๐-๙]+\.[0-9๐-๙]+\.[0-9๐-๙]+ /;

/**
 * KPIs of the plan's tables whose name (numbered x.y.z, across the table over its targets, in type smaller than
 * `bodySize`: a numbered heading is body size) ends a page while its targets start the next.
 */
export function kpiNamesSplit(lines: readonly LaidOutLine[], bodySize: number): string[] {
  const order = [...lines].sort((a, b) => a.page - b.page || a.y - b.y);
  const names = judged(
    order.flatMap((line, i) => {
      if ((line.pieces[0]?.fontSize ?? bodySize) >= bodySize - 0.01 || !KPI_NAME.test(line.text)) return [];
      // The first line under the name's last: its targets' row.
      const targets = order
        .slice(i + 1)
        .find((l) => l.paragraph !== line.paragraph && (l.page > line.page || l.y > line.y + 1));
      return [{ line, split: targets?.page !== line.page }];
    }),
    "KPI's name in a table",
  );
  return names.filter((k) => k.split).map(({ line }) => `page ${line.page}: ${line.text}`);
}

/** A contents or list line that ends an entry: text, a dot leader and the page number. */
const hasLeader = (line: LaidOutLine) => /\.{3,}/.test(line.text);

/**
 * Contents entries set wrong: an entry (a paragraph of the contents pages' `lines`) ends on its last line, and
 * only there, with a dot leader and its page number (`pageNumber`: in the digits or the letter the document
 * prints) ending at `right`, the dots ending less than 10 pt before the number; its wrapped lines start under the
 * text of its first.
 */
export function contentsEntryProblems(lines: readonly LaidOutLine[], right: number, pageNumber: RegExp): string[] {
  const entries = judged(
    paragraphs(lines).filter((group) => group.some(hasLeader)),
    'contents entry with a leader',
  );
  return entries.flatMap((entry) => {
    const last = entry.at(-1)!;
    const where = JSON.stringify(entry.map((l) => l.text).join(' / '));
    const problems = entry.slice(0, -1).some(hasLeader) ? [`a leader before the entry's last line: ${where}`] : [];
    const [dots, number] = last.pieces.slice(-2);
    if (!dots || !number || !/^\.+$/.test(dots.text) || !pageNumber.test(number.text)) {
      problems.push(`no leader and page number ending the entry: ${where}`);
    } else {
      const start = last.x + number.x;
      const end = start + number.width;
      if (Math.abs(end - right) >= 0.5) problems.push(`page number ends at ${end.toFixed(1)} pt: ${where}`);
      const dotsEnd = last.x + dots.x + dots.width;
      if (dotsEnd >= start || dotsEnd <= start - 10) problems.push(`dots apart from the page number: ${where}`);
    }
    if (entry.slice(1).some((line) => Math.abs(line.x - entry[0]!.x) >= 0.0005)) {
      problems.push(`wrapped lines not under the entry's text: ${where}`);
    }
    return problems;
  });
}

/**
 * The contents and the lists of tables and figures paginated as the body is: an entry (its wrapped lines and
 * its page number) never split over two pages, and a chapter's line (bold) never last on a page while its
 * first section starts the next. `lines`: the front matter's lines.
 */
export function contentsBreaks(lines: readonly LaidOutLine[]): string[] {
  const entries = judged(
    paragraphs(lines).filter((group) => group.some(hasLeader)),
    'contents entry with a leader',
  );
  const problems = entries
    .filter((entry) => new Set(entry.map((l) => l.page)).size > 1)
    .map((entry) => `page ${entry[0]!.page}: entry split over pages: ${JSON.stringify(entry.map((l) => l.text))}`);
  const order = [...entries].sort((a, b) => a[0]!.page - b[0]!.page || a[0]!.y - b[0]!.y);
  const bold = (entry: readonly LaidOutLine[]) => entry.every((l) => l.pieces.every((p) => /Bold/.test(p.font)));
  order.forEach((entry, i) => {
    const next = order[i + 1];
    if (bold(entry) && next && !bold(next) && next[0]!.page > entry.at(-1)!.page) {
      problems.push(
        `page ${entry.at(-1)!.page}: chapter line alone at the foot: ${entry.map((l) => l.text).join(' ')}`,
      );
    }
  });
  return problems;
}

/** A numbered list item's first line as read back: its number and a dot, then its text ("๕. สำนักงานเขต…"). */
const LIST_MARKER = /^[0-9๐-๙]+\.\s+\S/;
/** A list item's wrapped lines hang under its text, left of where a paragraph's first line starts (pt). */
const HANG = 17;

interface TextRow {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** The body's rows of text on each page, top to bottom, from a reader's text boxes (running head and page number left out). */
function bodyRows(boxes: readonly TextBox[], area: BodyArea): TextRow[][] {
  const pages: TextRow[][] = [];
  const sorted = [...boxes].sort((a, b) => a.page - b.page || a.y0 - b.y0 || a.x0 - b.x0);
  for (const box of sorted) {
    if (box.y0 < area.top - 4 || box.y0 > box.pageHeight - area.bottom || box.text.trim() === '') continue;
    const rows = (pages[box.page - 1] ??= []);
    const row = rows.find((r) => Math.abs(r.y - box.y0) < 2);
    if (!row) rows.push({ page: box.page, x: box.x0, y: box.y0, text: box.text });
    else rows.splice(rows.indexOf(row), 1, { ...row, x: Math.min(row.x, box.x0), text: `${row.text} ${box.text}` });
  }
  return Array.from(pages, (rows) => (rows ?? []).sort((a, b) => a.y - b.y));
}

/**
 * Numbered lists that leave fewer than two of their lines on either side of a page break (the last item alone
 * at the top of a page, the first alone at a foot), as a reader sees the pages: `boxes` from pdf.js or poppler
 * (textBoxes.ts). A list's lines are its items' first lines ("5. …", at one left edge) and their wrapped lines
 * hanging to the right of that edge, short of a paragraph's indent.
 */
export function listLinesAlone(boxes: readonly TextBox[], area: BodyArea): string[] {
  const pages = bodyRows(boxes, area);
  judged(
    pages.flat().filter((row) => LIST_MARKER.test(row.text)),
    'numbered list item',
  );
  const inList = (row: TextRow | undefined, edge: number) =>
    row !== undefined &&
    ((LIST_MARKER.test(row.text) && Math.abs(row.x - edge) < 1) || (row.x > edge + 1 && row.x < edge + HANG));
  const problems: string[] = [];
  pages.forEach((rows, i) => {
    const next = pages[i + 1] ?? [];
    // The list at this page's foot: its last item's first line gives its edge.
    let foot = rows.length - 1;
    while (foot >= 0 && !LIST_MARKER.test(rows[foot]!.text)) foot--;
    const edge = rows[foot]?.x;
    if (edge === undefined || !rows.slice(foot).every((row) => inList(row, edge)) || !inList(next[0], edge)) return;
    while (foot > 0 && inList(rows[foot - 1], edge)) foot--;
    let top = 0;
    while (top < next.length && inList(next[top], edge)) top++;
    const before = rows.length - foot;
    if (before < 2 || top < 2) {
      problems.push(
        `page ${i + 1}: a list breaks ${before} line(s) / ${top} line(s): ${JSON.stringify(next[0]!.text)}`,
      );
    }
  });
  return problems;
}

/**
 * A page's rows of text, top to bottom, as [y, text]: lines at one height (rounded to a point) count once, their
 * cells joined by a space as poppler reads them. A table's repeated head is found by its row's text.
 */
function pageRows(page: PageBox): [number, string][] {
  const rows = new Map<number, string[]>();
  for (const line of page.lines) rows.set(Math.round(line.y), [...(rows.get(Math.round(line.y)) ?? []), line.text]);
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([y, texts]) => [y, texts.join(' ')]);
}

/**
 * The pages (0-based) after which a table goes on: the next page starts with a row of text printed on this one
 * (the table's repeated head).
 */
function tablesGoOn(all: readonly [number, string][][]): number[] {
  const on = all.slice(0, -1).flatMap((rows, i) => {
    const first = all[i + 1]![0]?.[1];
    return first !== undefined && rows.some(([, text]) => text === first) ? [i] : [];
  });
  return [...judged(on, 'table running over a page')];
}

/**
 * Tables broken where a typesetter would not: a table that goes on over the page (the next page starts with
 * rows of text printed on this one: its repeated head) leaving its head at this page's foot with fewer than two
 * rows under it, or with a few rows under it and more than a third of this page empty (a break asked of the
 * rows before headings moved, made where it was no longer needed, did that: a head and one KPI alone on a
 * page). Read as poppler lays the pages out (popplerPages), in rows of text (pageRows).
 */
export function tableBreaks(pages: readonly PageBox[], area: BodyArea): string[] {
  const all = pages.map(pageRows);
  return tablesGoOn(all).flatMap((i) => {
    const rows = all[i]!;
    const next = all[i + 1]!;
    const texts = rows.map(([, text]) => text);
    const first = next[0]![1];
    // The last place on this page where the next page's first row is printed: the head.
    const at = texts.lastIndexOf(first);
    let head = 1;
    while (head < next.length && texts[at + head] === next[head]?.[1]) head++;
    const under = rows.length - at - head;
    const page = pages[i]!;
    const body = page.height - area.top - area.bottom;
    // The last row's top, and a row's height under it (pitch of the rows above, at most a line of body text).
    const last = rows.at(-1)![0];
    const empty = (page.height - area.bottom - last - 20) / body;
    const problems: string[] = [];
    if (under < 2)
      problems.push(`page ${i + 1}: a table's head with ${under} row(s) under it: ${JSON.stringify(first)}`);
    // A few rows only: a figure cut in parts with its column heads on each (the strategy map) holds many.
    if (empty > 1 / 3 && under <= 4) {
      problems.push(`page ${i + 1}: a table goes on over the page with ${Math.round(empty * 100)} % of it empty`);
    }
    return problems;
  });
}

/**
 * The last rows of a table left on a page of their own, filled less than a quarter: the page starts with the
 * table's repeated head (its first row of text is printed on the page before as well) and holds little else,
 * because what follows starts a page itself (a chapter, a turn to portrait) or there is nothing more. The large
 * plan's budget summary left two issues and the total alone so on a landscape page, 19 % filled. Read as
 * poppler lays the pages out (popplerPages), as tableBreaks.
 */
export function tableTails(pages: readonly PageBox[], area: BodyArea): string[] {
  const all = pages.map(pageRows);
  return tablesGoOn(all).flatMap((i) => {
    const page = pages[i + 1]!;
    const rows = all[i + 1]!;
    const filled = (rows.at(-1)![0] + 20 - area.top) / (page.height - area.top - area.bottom);
    return filled < 1 / 4 ? [`page ${i + 2}: a table's last rows alone, ${Math.round(filled * 100)} % filled`] : [];
  });
}
