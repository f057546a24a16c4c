/**
 * The same content as a printed plan, as an HTML page for Chromium to print: the benchmark's yardstick for the
 * PDF export (issue 10: "faster than Chromium printing the same content"). It walks the document definition
 * that the export renders (text, stacks, lists, tables, columns, SVG figures) and writes plain HTML with the
 * same fonts, sizes and page margins, so both sides lay out and shape the same Thai text. Only for the bench:
 * it ignores what Chromium would not need to match the work (page furniture, keep rules).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Node = Record<string, unknown>;

function inline(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return escape(String(value));
  if (Array.isArray(value)) return value.map(inline).join('');
  const node = value as Node;
  const inner = inline(node.text);
  return node.bold ? `<b>${inner}</b>` : node.italics ? `<i>${inner}</i>` : inner;
}

function block(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return `<p>${escape(String(value))}</p>`;
  if (Array.isArray(value)) return value.map(block).join('\n');
  const node = value as Node;
  if (typeof node.svg === 'string') return `<figure>${node.svg}</figure>`;
  if (Array.isArray(node.stack)) return `<div>${node.stack.map(block).join('\n')}</div>`;
  if (Array.isArray(node.columns)) {
    return `<div class="cols">${node.columns.map((c) => `<div>${block(c)}</div>`).join('')}</div>`;
  }
  if (Array.isArray(node.ol)) return `<ol>${node.ol.map((i) => `<li>${block(i)}</li>`).join('')}</ol>`;
  if (Array.isArray(node.ul)) return `<ul>${node.ul.map((i) => `<li>${block(i)}</li>`).join('')}</ul>`;
  const table = node.table as { body?: unknown[][]; headerRows?: number; widths?: unknown[] } | undefined;
  if (table?.body) {
    const head = table.headerRows ?? 0;
    const cols = (table.widths ?? []).map((w) => (typeof w === 'number' ? `<col style="width:${w}pt">` : '<col>'));
    const row = (cells: unknown[], tag: string) =>
      `<tr>${cells.map((c) => `<${tag}>${inline(c)}</${tag}>`).join('')}</tr>`;
    return (
      `<table><colgroup>${cols.join('')}</colgroup><thead>${table.body
        .slice(0, head)
        .map((r) => row(r, 'th'))
        .join('')}</thead>` +
      `<tbody>${table.body
        .slice(head)
        .map((r) => row(r, 'td'))
        .join('')}</tbody></table>`
    );
  }
  if ('text' in node) {
    const style = String(node.style ?? '');
    const tag = style.startsWith('chapter') ? 'h1' : style === 'h2' ? 'h2' : style === 'h3' ? 'h3' : 'p';
    const brk = node.pageBreak === 'before' ? ' style="break-before: page"' : '';
    return `<${tag}${brk}>${inline(node.text)}</${tag}>`;
  }
  return '';
}

/** A whole HTML page printing `doc` on A4 with Sarabun from resources/fonts, at the document's sizes. */
export function documentHtml(doc: TDocumentDefinitions, resourcesDir: string): string {
  const font = (file: string, weight: number, style: string) => {
    const data = readFileSync(join(resourcesDir, 'fonts', file)).toString('base64');
    return `@font-face{font-family:Sarabun;src:url(data:font/ttf;base64,${data});font-weight:${weight};font-style:${style}}`;
  };
  const css = [
    font('Sarabun-Regular.ttf', 400, 'normal'),
    font('Sarabun-Bold.ttf', 700, 'normal'),
    '@page{size:A4;margin:2.5cm 2cm 2cm 3cm}',
    'body{font-family:Sarabun;font-size:16pt;line-height:1.05;text-align:justify}p{margin:0 0 4pt;text-indent:1.25cm}',
    'h1{font-size:20pt;text-align:center}h2,h3{font-size:16pt}',
    'table{border-collapse:collapse;width:100%;font-size:14pt;break-inside:auto}td,th{border:0.5pt solid #000}',
    'tr{break-inside:avoid}.cols{display:flex;gap:1em}figure{margin:0;text-align:center}figure svg{max-width:100%}',
  ].join('\n');
  const content = block(doc.content as Content);
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>${css}</style></head><body>${content}</body></html>`;
}
