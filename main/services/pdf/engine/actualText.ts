/**
 * Thai text that every reader extracts as it was typed. pdf.js reads the glyphs in drawing order through
 * the ToUnicode map (fonts.ts makes that right), but poppler (Evince, Okular, pdftotext) and Acrobat order
 * glyphs by position: Thai marks are zero-width glyphs drawn back over their base, often moved by their own
 * text matrix, so poppler's default and layout modes read "ที่" as "ท่ี", put a tone mark at the start of a
 * line, or a space before it. A marked-content span with /ActualText (PDF 32000-1 §14.9.4) around each
 * drawn run gives them the run's text instead of the glyphs', in order; Chromium's PDF output does the same
 * for its complex clusters. A run is one word, or the touching words of a line drawn as one (lineRender.ts),
 * spaces included, so words stay whole and apart.
 */
import type { PdfKitContent } from './internals.ts';

const THAI = /[\u0E00-\u0E7F]/;

/** The text as a PDF text string: UTF-16BE with its byte-order mark, in hex (nothing to escape). */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/**
 * Draw a run with `draw` (pdfkit's _fragment), inside an ActualText span when it holds Thai (Latin and
 * digits read fine). The span opens right after BT and closes right before ET: poppler places the
 * replacement text with the graphics state current at EMC, and pdfkit restores the flipped coordinate
 * system after ET, so a span closed there lands mirrored on the page (lines mixed up in -layout).
 */
export function withActualText(doc: PdfKitContent, text: string, draw: () => void): void {
  if (!THAI.test(text)) {
    draw();
    return;
  }
  const addContent = doc.addContent;
  doc.addContent = function (data) {
    if (data === 'ET') addContent.call(this, 'EMC');
    const result = addContent.call(this, data);
    if (data === 'BT') addContent.call(this, `/Span <</ActualText ${pdfTextString(text)}>> BDC`);
    return result;
  };
  try {
    draw();
  } finally {
    doc.addContent = addContent;
  }
}

/** A font as the SVG drawing uses it: its resource name and its CIDs' text (the ToUnicode entries). */
export interface FontText {
  readonly id: string;
  readonly unicode: readonly (readonly number[] | undefined)[];
}

/**
 * SVG text (charts), which pdfmake's svg-to-pdfkit writes as its own BT … TJ … ET, glyph by glyph: the same
 * span around each text object, its text read back from the glyphs drawn through the font's ToUnicode
 * entries (fonts.ts makes them the typed text, in typing order).
 */
export function withSvgActualText(doc: PdfKitContent, fonts: ReadonlyMap<string, FontText>, draw: () => void): void {
  const addContent = doc.addContent;
  let held: string[] | null = null;
  doc.addContent = function (data) {
    if (data === 'BT') held = [];
    if (!held) return addContent.call(this, data);
    held.push(data);
    if (data === 'ET') {
      const ops = held;
      held = null;
      const text = drawnText(ops, fonts);
      if (THAI.test(text)) {
        ops.splice(1, 0, `/Span <</ActualText ${pdfTextString(text)}>> BDC`);
        ops.splice(ops.length - 1, 0, 'EMC');
      }
      for (const op of ops) addContent.call(this, op);
    }
    return this;
  };
  try {
    draw();
  } finally {
    doc.addContent = addContent;
  }
}

function drawnText(ops: readonly string[], fonts: ReadonlyMap<string, FontText>): string {
  let font: FontText | undefined;
  let text = '';
  for (const op of ops) {
    const selected = /^\/(\S+) [\d.]+ Tf$/.exec(op);
    if (selected) font = fonts.get(selected[1] ?? '');
    if (!font || !op.endsWith('TJ')) continue;
    for (const hex of op.matchAll(/<([0-9a-fA-F]*)>/g)) {
      for (const cid of (hex[1] ?? '').match(/.{4}/g) ?? []) {
        text += String.fromCodePoint(...(font.unicode[parseInt(cid, 16)] ?? []));
      }
    }
  }
  return text;
}
