import { fromThaiDigits } from './years.ts';

/**
 * Rows pasted from Excel or LibreOffice: tab-separated, CRLF or LF, and a cell holding a tab, newline or quote
 * is wrapped in double quotes with quotes doubled. Numbers may use Thai digits and thousands separators.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += c;
    i++;
  }
  if (cell !== '' || row.length > 0) endRow();
  // Spreadsheets end a copied block with a newline and may leave wholly blank rows: they carry nothing.
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Rows back into the text a spreadsheet would copy (parseTsv reads it back to the same cells). */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  const cell = (c: string) => (/[\t\r\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join('\t')).join('\n');
}

export type NumberParse = { ok: true; value: number | null } | { ok: false; message: 'validation.number' };

/**
 * A number cell: "1,250.5", "๑,๒๕๐", "85%", " 12 ". Blank, "-" and "–" mean no value (a year without data).
 * Anything else is refused, never guessed.
 */
export function parseNumberCell(cell: string): NumberParse {
  const text = fromThaiDigits(cell).trim().replace(/%$/, '').trim();
  if (text === '' || text === '-' || text === '–') return { ok: true, value: null };
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return { ok: false, message: 'validation.number' };
  return { ok: true, value: Number(text.replace(/,/g, '')) };
}
