import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * Passes over the printed text of a finished document: Thai digits (digits.ts) and era years kept on one
 * line. Applied once to the whole document rather than at every place text is written, so that nothing is
 * missed, typed plan text included ("แผนปฏิบัติราชการ (พ.ศ. 2566-2570)").
 */

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys whose values hold content (text or nested nodes); everything else (widths, margins, styles) is layout. */
const CONTAINERS = ['stack', 'columns', 'ul', 'ol'] as const;

function mapContent(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((v) => mapContent(v, change));
  if (!isNode(value)) return value;
  const node: Node = { ...value };
  if ('text' in node) node.text = mapContent(node.text, change);
  if (typeof node.outlineText === 'string') node.outlineText = change(node.outlineText); // a bookmark's name
  for (const key of CONTAINERS) if (key in node) node[key] = mapContent(node[key], change);
  if (isNode(node.table) && Array.isArray(node.table.body)) {
    node.table = { ...node.table, body: node.table.body.map((row: unknown) => mapContent(row, change)) };
  }
  return node;
}

/** The document with `change` applied to every string it prints (header and footer are static content). */
export function mapDocumentText(doc: TDocumentDefinitions, change: (text: string) => string): TDocumentDefinitions {
  return {
    ...doc,
    content: mapContent(doc.content, change) as Content,
    ...(doc.header === undefined ? {} : { header: mapContent(doc.header, change) as Content }),
    ...(doc.footer === undefined ? {} : { footer: mapContent(doc.footer, change) as Content }),
  };
}

export const NO_BREAK_SPACE = '\u00A0';

/** An era abbreviation, the spaces after it and a year (Arabic or Thai digits) following them. */
const ERA_YEAR = /(พ\.ศ\.|ค\.ศ\.|B\.E\.|A\.D\.)[ \t]+(?=[0-9๐-๙])/g;

/**
 * "พ.ศ. 2566" with a no-break space, so a line never ends on "พ.ศ." with its year on the next. A date may
 * still break between day, month and year ("๑๓ กันยายน ๒๕๖๔"), as Thai typesetting allows.
 */
export function joinEraYears(text: string): string {
  return text.replace(ERA_YEAR, `$1${NO_BREAK_SPACE}`);
}

export function withEraYearsJoined(doc: TDocumentDefinitions): TDocumentDefinitions {
  return mapDocumentText(doc, joinEraYears);
}
