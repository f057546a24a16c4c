/**
 * Tagged PDF through pdfkit's structure API (pdfkit ≥ 0.13; pdfmake 0.3 passes `tagged` and `language` on
 * but builds no structure itself). Each text line the engine draws goes inside a marked-content sequence
 * (BDC … EMC with an MCID) of its text node's structure element: H1/H2/H3, P and Caption at the document's
 * root, TH/TD in a TR of a Table; figures (SVG) as Figure with their caption as /Alt; running heads and page
 * numbers as artifacts. The role is core's rule (core/pdf/structure.ts). Lines of one text node share one
 * element, over page breaks too. Table rules and other vector lines stay unmarked.
 */
import { CELL_PLACE, type CellPlace, type StructureRole, structureRole } from '../../../core/pdf/structure.ts';
import type { Line, PdfKitDocument } from './internals.ts';

/** pdfkit's structure element and marked content, as far as the engine uses them. */
interface StructureElement {
  add(child: unknown): StructureElement;
}
interface TaggedDocument {
  readonly _root: { data: Record<string, unknown> };
  struct(type: string, options?: Record<string, unknown>): StructureElement;
  addStructure(element: StructureElement): unknown;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  markContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): unknown;
}

/** What the line builder stamps on each line (stampStructure). */
interface LineStructure {
  readonly role: StructureRole;
  readonly cell?: CellPlace;
}
type Stamped = Line & { structure?: LineStructure };

/** Stamp a line with its text node's structure role as it is built (lineBuilder.ts). */
export function stampStructure(line: Line, textNode: object): void {
  const node = textNode as Record<string, unknown>;
  const cell = node[CELL_PLACE] as CellPlace | undefined;
  (line as Stamped).structure = { role: structureRole(node), ...(cell ? { cell } : {}) };
}

/** The structure elements of one document, by key: a paragraph's, a table's, a row's. */
const trees = new WeakMap<TaggedDocument, Map<string, StructureElement>>();

const isTagged = (doc: TaggedDocument) => doc._root.data.StructTreeRoot !== undefined;

function element(doc: TaggedDocument, key: string, make: () => StructureElement, parent?: StructureElement) {
  let tree = trees.get(doc);
  if (!tree) trees.set(doc, (tree = new Map()));
  let found = tree.get(key);
  if (!found) {
    found = make();
    tree.set(key, found);
    if (parent) parent.add(found);
    else doc.addStructure(found);
  }
  return found;
}

/** Draw a line inside the marked content of its structure element (or as an artifact). */
export function drawTaggedLine(pdf: PdfKitDocument, line: Line, draw: () => void): void {
  const doc = pdf as unknown as TaggedDocument;
  const structure = (line as Stamped).structure;
  if (!structure || !isTagged(doc)) return draw();
  if (structure.role === 'Artifact') {
    doc.markContent('Artifact', { type: 'Pagination' });
    try {
      draw();
    } finally {
      doc.endMarkedContent();
    }
    return;
  }
  const { role, cell } = structure;
  const parent = cell
    ? element(
        doc,
        `row ${cell.table} ${cell.row}`,
        () => doc.struct('TR'),
        element(doc, `table ${cell.table}`, () => doc.struct('Table')),
      )
    : undefined;
  const own = element(doc, `text ${line.paragraph}`, () => doc.struct(role), parent);
  own.add(marked(doc, role, draw));
}

function marked(doc: TaggedDocument, role: string, draw: () => void): unknown {
  const content = doc.markStructureContent(role);
  try {
    draw();
  } finally {
    doc.endMarkedContent();
  }
  return content;
}

/** Draw a figure (an SVG node with `alt`, its caption) as a Figure element; other drawings as they are. */
export function drawTaggedFigure(pdf: PdfKitDocument, alt: unknown, draw: () => void): void {
  const doc = pdf as unknown as TaggedDocument;
  if (typeof alt !== 'string' || !isTagged(doc)) return draw();
  const figure = doc.struct('Figure', { alt });
  doc.addStructure(figure);
  figure.add(marked(doc, 'Figure', draw));
}
