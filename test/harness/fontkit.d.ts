/**
 * The little of fontkit (a dependency of pdfkit, which pdfmake uses) that tests read a TTF with: it ships no
 * types of its own.
 */
declare module 'fontkit' {
  interface Glyph {
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function openSync(path: string): Font;
}
