/**
 * The little of fontkit (a dependency of pdfkit, which pdfmake uses) that tests read a TTF with: it ships no
 * types of its own.
 */
declare module 'fontkit' {
  interface Glyph {
    readonly advanceWidth: number;
    /** The outline's bounds in font units; maxY is the glyph's height above the baseline. */
    readonly bbox: { readonly minY: number; readonly maxY: number };
  }
  export interface Font {
    readonly unitsPerEm: number;
    /** hhea ascent and descent (negative), as pdfkit sizes a line. */
    readonly ascent: number;
    readonly descent: number;
    /** OS/2: the Windows line metrics Word spaces single lines by. */
    readonly 'OS/2': { readonly winAscent: number; readonly winDescent: number };
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function openSync(path: string): Font;
}
