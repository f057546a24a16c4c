import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

/**
 * A second reader of .xlsx files, independent of exceljs (which writes them): fflate unzips, fast-xml-parser
 * reads the SpreadsheetML parts as they are stored. So a test sees what Excel or LibreOffice will see: the
 * cell's type attribute (n or s), its number format through the style, its formula, the frozen pane, the
 * sheet names and page setup.
 */

export interface StoredCell {
  /** 's' shared string, 'str' formula string, 'n' or absent: number. */
  readonly type: string;
  /** The shared string's text or the stored number, as text. */
  readonly value: string;
  readonly formula?: string;
  /** The number format code the cell's style gives it ('General' when none). */
  readonly format: string;
}

export interface StoredSheet {
  readonly name: string;
  readonly cells: ReadonlyMap<string, StoredCell>;
  /** Row number → height in points, for rows the file gives a height. */
  readonly heights: ReadonlyMap<number, number>;
  readonly pane: { xSplit?: number; ySplit?: number; state?: string } | undefined;
  readonly merges: readonly string[];
  readonly cols: readonly { min: number; max: number; width: number }[];
  readonly pageSetup: Record<string, string | number> | undefined;
  readonly fitToPage: boolean;
}

/** Excel's built-in number formats that our workbooks use (ECMA-376 part 1, 18.8.30). */
const BUILT_IN: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00' };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['sheet', 'row', 'c', 'si', 'r', 'xf', 'numFmt', 'mergeCell', 'col', 'definedName'].includes(name),
});

const asText = (node: unknown): string => {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (typeof node === 'object' && '#text' in (node as object)) return String((node as { '#text': unknown })['#text']);
  return '';
};

export function readXlsxParts(bytes: Uint8Array): { sheets: StoredSheet[]; definedNames: string[] } {
  const files = unzipSync(bytes);
  const xml = (path: string) => parser.parse(strFromU8(files[path]!));
  const workbook = xml('xl/workbook.xml').workbook;
  const rels = xml('xl/_rels/workbook.xml.rels').Relationships.Relationship as { Id: string; Target: string }[];
  const shared = files['xl/sharedStrings.xml']
    ? (xml('xl/sharedStrings.xml').sst.si as { t?: unknown; r?: { t: unknown }[] }[]).map((si) =>
        si.t !== undefined ? asText(si.t) : (si.r ?? []).map((r) => asText(r.t)).join(''),
      )
    : [];
  const styles = xml('xl/styles.xml').styleSheet;
  const custom = new Map<number, string>(
    (styles.numFmts?.numFmt ?? []).map((f: { numFmtId: string; formatCode: string }) => [
      Number(f.numFmtId),
      f.formatCode,
    ]),
  );
  const xfs = styles.cellXfs.xf as { numFmtId?: string }[];
  const formatOf = (style: string | undefined) => {
    const id = Number(xfs[Number(style ?? 0)]?.numFmtId ?? 0);
    return custom.get(id) ?? BUILT_IN[id] ?? `builtin:${id}`;
  };
  const sheets = (workbook.sheets.sheet as { name: string; 'r:id': string }[]).map((s): StoredSheet => {
    const target = rels.find((r) => r.Id === s['r:id'])!.Target.replace(/^\/?(xl\/)?/, '');
    const ws = xml(`xl/${target}`).worksheet;
    const cells = new Map<string, StoredCell>();
    const heights = new Map<number, number>();
    for (const row of ws.sheetData?.row ?? []) {
      if (row.ht !== undefined) heights.set(Number(row.r), Number(row.ht));
      for (const c of row.c ?? []) {
        if (c.v === undefined && c.f === undefined) continue;
        const type = c.t ?? 'n';
        const raw = asText(c.v);
        cells.set(c.r, {
          type,
          value: type === 's' ? shared[Number(raw)]! : raw,
          ...(c.f !== undefined ? { formula: asText(c.f) } : {}),
          format: formatOf(c.s),
        });
      }
    }
    const view = ws.sheetViews?.sheetView;
    const pane = view?.pane
      ? {
          xSplit: view.pane.xSplit === undefined ? undefined : Number(view.pane.xSplit),
          ySplit: view.pane.ySplit === undefined ? undefined : Number(view.pane.ySplit),
          state: view.pane.state,
        }
      : undefined;
    return {
      name: s.name,
      cells,
      heights,
      pane,
      merges: (ws.mergeCells?.mergeCell ?? []).map((m: { ref: string }) => m.ref),
      cols: (ws.cols?.col ?? []).map((c: { min: string; max: string; width: string }) => ({
        min: Number(c.min),
        max: Number(c.max),
        width: Number(c.width),
      })),
      pageSetup: ws.pageSetup,
      fitToPage: ws.sheetPr?.pageSetUpPr?.fitToPage === '1',
    };
  });
  const definedNames = (workbook.definedNames?.definedName ?? []).map(
    (d: { name: string; localSheetId?: string; '#text': string }) => `${d.name}@${d.localSheetId}=${d['#text']}`,
  );
  return { sheets, definedNames };
}

/** The width of a column (1-based) as stored, or undefined when the file leaves it at the default. */
export function columnWidth(sheet: StoredSheet, column: number): number | undefined {
  return sheet.cols.find((c) => c.min <= column && column <= c.max)?.width;
}
