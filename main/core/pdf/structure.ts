/**
 * Tagged PDF (ISO 32000-1 §14.8): the structure type of each piece of text the plan prints, so that screen
 * readers and Acrobat's reflow read headings, paragraphs and tables as such. The engine draws every text line
 * inside a marked-content sequence of its text node's structure element (services/pdf/engine/tagging.ts);
 * which element that is, is decided here: by the node's named style, or by the cell a table placed it in.
 */

/** Where a table cell is: the table's number in the document, its row, and whether that row is a head row. */
export interface CellPlace {
  readonly table: number;
  readonly row: number;
  readonly head: boolean;
}

export type StructureRole = 'H1' | 'H2' | 'H3' | 'P' | 'Caption' | 'TH' | 'TD' | 'Artifact';

/** Running heads and page numbers are page furniture, not content: artifacts. */
const BY_STYLE: Readonly<Record<string, StructureRole>> = {
  chapterNumber: 'H1',
  chapterTitle: 'H1',
  h2: 'H2',
  h3: 'H3',
  caption: 'Caption',
  header: 'Artifact',
  footer: 'Artifact',
};

/** The property pdfmake.ts sets on a table's cells (a plain object: it crosses into the PDF worker). */
export const CELL_PLACE = 'cellPlace';

/**
 * Where the PDF engine keeps a node's style names once it has made their properties the node's own
 * (services/pdf/engine/prepare.ts): the names still tell the node's role.
 */
export const STYLE_NAMES = 'styleNames';

/** The structure role of a text node as the PDF renderer (pdfmake.ts) built it; P when nothing says otherwise. */
export function structureRole(node: Readonly<Record<string, unknown>>): StructureRole {
  const place = node[CELL_PLACE] as CellPlace | undefined;
  if (place) return place.head ? 'TH' : 'TD';
  const named = node.style ?? node[STYLE_NAMES];
  const styles = Array.isArray(named) ? named : [named];
  for (const style of styles.toReversed()) {
    const role = BY_STYLE[String(style)];
    if (role) return role;
  }
  return 'P';
}
