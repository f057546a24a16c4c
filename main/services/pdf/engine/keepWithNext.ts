/**
 * Keep-with-next for headings: a heading marked `keepWithNext: true` never ends a page with what it heads
 * starting on the next. pdfmake's own hook for this (the document's `pageBreakBefore` callback) is a function,
 * which cannot cross into the worker, and it sees stale places for whatever sits in a block kept together
 * (every table row here: `dontBreakRows`), which pdfmake first places on the heading's page and then moves.
 * So the engine finds the headings itself once a layout is done (orphanedHeadings, over the nodes pdfmake
 * laid out, asking only about headings where pdfmake's hook describes every node of the document) and reads
 * the pages as laid out: a heading is orphaned when nothing but headings is drawn after it on its page.
 * typeset then lays the document out again with those headings moved, all at once (pdfmake would lay it out
 * again per heading). All at once, a heading's move shifts what follows it, and a later heading of the same
 * layout may then no longer be at a page foot. So each stranded heading is measured with what it must keep,
 * on the layout that stranded it (strandedHeadingNeeds), and the next starts a page before it only when that
 * does not fit in the room left where it falls (pagination.ts): a move that other moves made needless is not
 * made, without a layout to find that out and another to undo it. And every other heading is given its room
 * on that layout too (inFlowNeeds), so that a heading those moves push to a page foot starts a page as it is
 * placed, rather than being found stranded and moved a layout later.
 */
import type { Node, NodeQueries, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LaidOutNode, Line, PdfPage } from './internals.ts';
import { NODE_ID } from './measureCache.ts';
import { type FlowBreak, MIN_LINES } from './pagination.ts';
import { isPlainObject } from './prepare.ts';

/** The body of each page as laid out, before header and footer are added: its first `count` items. */
export interface LaidOutBody {
  readonly page: PdfPage;
  readonly count: number;
}

type Walk = (node: Record<string, unknown>, marked: number) => Record<string, unknown>;

/**
 * The document with `visit` applied to each marked heading (numbered 1, 2 … in document order), every node a
 * copy that keeps its NODE_ID (a symbol, which `for…in` does not carry), or is given the next of `ids`.
 */
function eachHeading(doc: TDocumentDefinitions, visit: Walk, ids?: { next: number }): TDocumentDefinitions {
  let marked = 0;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isPlainObject(value)) return value;
    // A loop rather than Object.entries: every layout copies the whole document through here.
    const node: Record<string | symbol, unknown> = {};
    for (const key in value) node[key] = walk(value[key]);
    const id = (value as Record<symbol, unknown>)[NODE_ID] ?? (ids ? ids.next++ : undefined);
    if (id !== undefined) node[NODE_ID] = id;
    return value.keepWithNext === true ? visit(node, ++marked) : node;
  };
  return { ...doc, content: walk(doc.content) as TDocumentDefinitions['content'] };
}

/**
 * Each marked heading numbered by pdfmake's `headlineLevel`, the one property of a node pdfmake hands to the
 * page-break callback, so that the callback can name it; and every node given its NODE_ID, which the copies
 * for each layout (breakBefore) keep, so that a later layout finds a node's measure by it (measureCache.ts).
 */
export function numberHeadings(doc: TDocumentDefinitions): TDocumentDefinitions {
  return eachHeading(doc, (node, n) => ({ ...node, headlineLevel: n }), { next: 1 });
}

/** The text of each marked heading, by its number (numberHeadings), without white space. */
export function headingTexts(doc: TDocumentDefinitions): string[] {
  const texts: string[] = [];
  eachHeading(doc, (node, n) => {
    texts[n] = squeeze(plainText(node.text));
    return node;
  });
  return texts;
}

/**
 * Rows of what a moved heading heads that must fit with it for it not to start a page: two lines of a
 * paragraph, or of a table its caption, head (two rows) and first goal and KPI (two rows), whole.
 */
const ROWS_WITH = MIN_LINES + 4;

/** An item of a page's body at the height it would have if nothing had moved it onto a new page. */
interface Placed {
  readonly type: PdfPage['items'][number]['type'];
  readonly item: PdfPage['items'][number]['item'];
  readonly y: number;
}

const placed = (items: PdfPage['items'], shift = 0): Placed[] =>
  items.map(({ type, item }) => ({ type, item, y: item.y + shift }));

/** The lowest point drawn by the items. */
function bottomOf(items: readonly Placed[]): number {
  let bottom = -Infinity;
  for (const { type, item, y } of items) {
    if (type === 'line') bottom = Math.max(bottom, y + item.getHeight());
    else if (type === 'svg' || type === 'image') bottom = Math.max(bottom, y + (item.height ?? 0));
  }
  return bottom;
}

/**
 * The foot of a heading (the items from its first line, `text` its text) and what it must keep: its lines, then
 * rows under it up to ROWS_WITH (a figure, a block pdfmake places whole, a table row and the rows kept with it,
 * whole).
 */
function keptFoot(items: readonly Placed[], text: string, keptRows: ReadonlySet<number>, rowsWith: number): number {
  let seen = 0;
  let end = 0;
  while (end < items.length && seen < text.length && items[end]!.type === 'line') {
    seen += lineText(items[end]!.item).length;
    end++;
  }
  const rows = new Set<number>();
  while (end < items.length && rows.size <= rowsWith) {
    const { type, y } = items[end]!;
    if (type === 'line') rows.add(Math.round(y));
    if (rows.size <= rowsWith) end++;
  }
  // A block pdfmake places whole goes whole: a table's heads with its first row and the rows kept with them
  // (a KPI card), a row of cells each several lines tall, of which only the first lines were counted.
  const block = items.slice(0, end).findLast((it) => it.type === 'line')?.item.block;
  if (block !== undefined) end = items.findLastIndex((it) => it.type === 'line' && it.item.block === block) + 1;
  // Table rows go whole (pdfmake keeps each together), with the next when kept with it (pagination.ts).
  for (let row = items[end - 1]?.item.row; row !== undefined && end < items.length;) {
    const next = items[end]!;
    if (next.type === 'line' && next.item.row !== row) {
      if (next.item.row !== row + 1 || !keptRows.has(row)) break;
      row = next.item.row;
    }
    end++;
  }
  return bottomOf(items.slice(0, end));
}

/** A heading a layout left at a page foot (orphanedHeadings). */
export interface StrandedHeading {
  /** Its number (numberHeadings), 1-based page, the top of its first line and its top margin. */
  readonly n: number;
  readonly page: number;
  readonly top: number;
  readonly margin: number;
}

/**
 * The room (pt) each heading stranded at a page foot needs there to stay: the room it takes with what it keeps
 * (keptFoot) when it starts a page, found on the layout that stranded it, so that the next layout moves it only
 * where that room is still lacking (`breakUnlessRoom`, pagination.ts). What follows it on the next page is
 * read at the height it would have had with no page break (`breaks`: where the flow left each page and went on
 * on the next, under any table heads repeated there). Infinity where that is not known.
 */
export function strandedHeadingNeeds(
  stranded: readonly StrandedHeading[],
  texts: readonly string[],
  bodies: readonly LaidOutBody[],
  keptRows: ReadonlySet<number>,
  breaks: ReadonlyMap<number, FlowBreak>,
  rowsWith = ROWS_WITH,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const { n, page, top, margin } of stranded) {
    const body = bodies[page - 1];
    const next = bodies[page];
    const moved = breaks.get(page - 1);
    const items = body?.page.items.slice(0, body.count) ?? [];
    const first = items.findIndex((it) => it.type === 'line' && Math.abs(it.item.y - top) < 0.5);
    if (!body || !next || !moved || first < 0) {
      out.set(n, Infinity);
      continue;
    }
    const after = next.page.items.slice(0, next.count).filter(({ item }) => item.y >= moved.to - 0.01);
    // As far as the page the heading would top holds.
    const { pageSize, pageMargins } = body.page;
    const foot = top - margin + pageSize.height - pageMargins.top - pageMargins.bottom;
    const flow = [...placed(items.slice(first)), ...placed(after, moved.from - moved.to)].filter(
      (it) => bottomOf([it]) <= foot + 0.01,
    );
    out.set(n, keptFoot(flow, texts[n] ?? '', keptRows, rowsWith) - top + margin);
  }
  return out;
}

/**
 * The in-flow rule: the room each heading a layout placed (but those starting a page by themselves) needs to
 * stay where the next layout puts it, as a typesetter decides while it places the heading: its lines and
 * MIN_LINES rows of what it heads (strandedHeadingNeeds, with a figure, a block placed whole or a table row
 * with the rows kept with it, whole), found where this layout placed it. A heading directly over another
 * (a section's heading over a table's caption) needs room for that one's need too, as isOrphanHeading counts
 * no heading's line among the rows it asks for. Headings whose need is not known (the last page) are left out.
 */
export function inFlowNeeds(
  laidOut: readonly LaidOutNode[],
  texts: readonly string[],
  bodies: readonly LaidOutBody[],
  keptRows: ReadonlySet<number>,
  breaks: ReadonlyMap<number, FlowBreak>,
): Map<number, number> {
  const places: StrandedHeading[] = [];
  for (const node of laidOut) {
    const at = node.positions[0];
    if (node.headlineLevel === undefined || node.pageBreak === 'before' || !at) continue;
    places.push({ n: node.headlineLevel, page: at.pageNumber, top: at.top, margin: node._margin?.[1] ?? 0 });
  }
  const needs = strandedHeadingNeeds(places, texts, bodies, keptRows, breaks, MIN_LINES);
  for (let i = places.length - 2; i >= 0; i--) {
    const here = places[i]!;
    const under = places[i + 1]!;
    const need = needs.get(here.n)!;
    const reach = here.top - here.margin + need;
    if (under.page !== here.page || under.top >= reach || !Number.isFinite(needs.get(under.n)!)) continue;
    const foot = under.top - under.margin + needs.get(under.n)!;
    needs.set(here.n, Math.max(need, foot - here.top + here.margin));
  }
  for (const [n, need] of needs) if (!Number.isFinite(need)) needs.delete(n);
  return needs;
}

/**
 * A copy of the document with the given headings (numberHeadings) starting a page: always (a need of
 * Infinity), or when less than their need (strandedHeadingNeeds) is left on the page (`breakUnlessRoom`,
 * pagination.ts).
 */
export function breakBefore(doc: TDocumentDefinitions, headings: ReadonlyMap<number, number>): TDocumentDefinitions {
  return eachHeading(doc, (node, n) => {
    const need = headings.get(n);
    if (need === undefined) return node;
    return need === Infinity ? { ...node, pageBreak: 'before' } : { ...node, breakUnlessRoom: need };
  });
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
/** A laid-out line's text without white space. */
const lineText = (line: Line) => squeeze(line.inlines.map((inline) => inline.text).join(''));

function plainText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map(plainText).join('');
  return isPlainObject(text) ? plainText(text.text) : '';
}

/** headingItems found, by heading and page body: each heading is asked about by every heading on its page. */
const itemsFound = new WeakMap<Node, Map<LaidOutBody, number[]>>();

/** Indexes of the body items a heading drew on its first page: its lines, from its first down to its text's end. */
function headingItems(body: LaidOutBody, heading: Node): number[] {
  const found = itemsFound.get(heading) ?? new Map<LaidOutBody, number[]>();
  itemsFound.set(heading, found);
  let out = found.get(body);
  if (out) return out;
  out = [];
  found.set(body, out);
  const { top } = heading.startPosition;
  const { items } = body.page;
  let first = 0;
  while (first < body.count && !(items[first]!.type === 'line' && Math.abs(items[first]!.item.y - top) < 0.5)) first++;
  const length = squeeze(plainText(heading.text)).length;
  let seen = 0;
  for (let i = first; i < body.count && seen < length; i++) {
    const item = items[i]!;
    if (item.type !== 'line') break;
    seen += lineText(item.item).length;
    out.push(i);
  }
  return out;
}

/**
 * Whether a heading is stranded at its page foot: something other than a heading is drawn just before it
 * there (a heading already at the top of a page stays: what follows is simply taller than a page; one under
 * another heading goes along with that one), the document goes on, and under the heading's lines (and those
 * of the headings that follow it) the page holds fewer than MIN_LINES rows of its content while that content
 * runs on to the next page: nothing at all, or one line whose block continues over the page.
 */
function isOrphanHeading(heading: Node, nodes: NodeQueries, bodies: readonly LaidOutBody[]): boolean {
  const page = heading.startPosition.pageNumber;
  const body = bodies[page - 1];
  if (heading.headlineLevel === undefined || !body || page >= bodies.length) return false;
  const own = headingItems(body, heading);
  const start = own[0] ?? 0;
  if (start === 0) return false;
  const linesOf = (others: Node[]) =>
    new Set(others.flatMap((other) => (other.headlineLevel === undefined ? [] : headingItems(body, other))));
  // Under a heading on this page: that heading starts the run and takes this one along.
  if (linesOf(nodes.getPreviousNodesOnPage()).has(start - 1)) return false;
  const following = nodes.getFollowingNodesOnPage();
  const headings = new Set([...own, ...linesOf(following)]);
  const rows = new Set<number>();
  let laterHeading = false;
  for (let i = start + 1; i < body.count; i++) {
    const item = body.page.items[i]!;
    if (headings.has(i)) laterHeading ||= rows.size > 0;
    else if (item.type === 'line') rows.add(Math.round(item.item.y));
    else if (item.type === 'svg' || item.type === 'image') return false; // a figure under it
  }
  if (rows.size === 0) return true;
  if (rows.size >= MIN_LINES || laterHeading) return false;
  return following.some((node) => node.pageNumbers.includes(page + 1));
}

/** A laid-out node as pdfmake's page-break hook describes it: the parts isOrphanHeading reads. */
function described(node: LaidOutNode, pageNumbers: number[]): Node {
  return {
    text: node.text,
    headlineLevel: node.headlineLevel,
    startPosition: node.positions[0],
    pageNumbers,
  } as Node;
}

/**
 * The numbers of the headings a layout left at a page foot (isOrphanHeading), from pdfmake's list of the nodes
 * it laid out, in order: those with something drawn, as pdfmake's page-break hook sees them, headings already
 * starting a page left alone.
 */
export function orphanedHeadings(laidOut: readonly LaidOutNode[], bodies: readonly LaidOutBody[]): StrandedHeading[] {
  const nodes = laidOut.filter((node) => node.positions.length > 0 && (node.text !== '' || node.listMarker));
  const pages = nodes.map((node) => [...new Set(node.positions.map((p) => p.pageNumber))]);
  // The nodes on each page, in order: a heading's queries read only its own page's nodes. A scan of the whole
  // document per heading took some 7 % of the sample plan's layouts.
  const onPage = new Map<number, number[]>();
  pages.forEach((numbers, index) => {
    for (const page of numbers) {
      const list = onPage.get(page);
      if (list) list.push(index);
      else onPage.set(page, [index]);
    }
  });
  // One description per node, so that what is found of it (headingItems) is found once.
  const descriptions: Node[] = [];
  const describe = (index: number) => (descriptions[index] ??= described(nodes[index]!, pages[index]!));
  const on = (page: number, from: number, to: number) =>
    (onPage.get(page) ?? []).filter((index) => index >= from && index < to).map(describe);
  const orphans: StrandedHeading[] = [];
  nodes.forEach((node, index) => {
    if (node.headlineLevel === undefined || node.pageBreak === 'before') return;
    const numbers = pages[index]!;
    const page = numbers[0] ?? 0;
    const queries: NodeQueries = {
      getPreviousNodesOnPage: () => on(page, 0, index),
      getFollowingNodesOnPage: () => on(page, index + 1, nodes.length),
      getNodesOnNextPage: () => on(page + 1, index + 1, nodes.length),
    };
    if (isOrphanHeading(describe(index), queries, bodies)) {
      orphans.push({ n: node.headlineLevel, page, top: node.positions[0]?.top ?? 0, margin: node._margin?.[1] ?? 0 });
    }
  });
  return orphans;
}
