import { AlignmentType, type IStylesOptions, LineRuleType } from 'docx';
import type { Language } from '../../core/settings.ts';
import { DEFAULT_STYLE, TH_SARABUN_SCALE } from '../../core/pdf/blocks.ts';

/**
 * The Word document's styles, in the names and look of a Thai government document: TH SarabunPSK (the font
 * Thai official documents are specified in) at 16 pt body, 14 pt tables and captions, 20 pt chapter titles,
 * single spaced, the body justified the way Thai Word users justify (thaiDistribute: the space is spread
 * between characters as well as words, since Thai has few spaces). Every run property is set for complex
 * script too (w:rFonts w:cs, w:szCs, w:bCs): Word sets Thai text with the complex-script properties, not the
 * Latin ones. A secretary changes the look by changing these styles, as in any Word document.
 *
 * Where TH SarabunPSK is not installed, Word substitutes a font by its own table (Thai Windows: Angsana New
 * or Cordia New, of the same small em, so 16 pt still reads as body size) and LibreOffice by fontconfig
 * (Debian's fonts-tlwg maps "TH SarabunPSK" to Laksaman). Laksaman is TH Sarabun's design scaled up to a
 * Latin em: at one point size it sets Thai as wide as Sarabun (13.4 against 13.8 em for the same line,
 * measured with fontkit), about 1/TH_SARABUN_SCALE as large as TH SarabunPSK, and its Windows line is 1.96 em
 * against 1.30. So LibreOffice without TH SarabunPSK sets everything about 1.45 times as large as Word with
 * it: a one-page handout would take two there, and nothing in the file changes which font it substitutes.
 * A handout therefore carries its own font (SARABUN below: the PDF's, embedded, at the PDF's sizes) with
 * exact line heights, since Word sets Sarabun's lines by its Windows metrics (1.85 em) and LibreOffice by its
 * hhea ones (1.30 em). The plan, a document to edit, stays in the official font.
 */
export const FONT = 'TH SarabunPSK';

/**
 * The face a document is set in: its name, its size against Sarabun's (the model's sizes are Sarabun points
 * as the PDF prints them) and, where it needs one, its exact line pitch in ems.
 */
export interface Face {
  readonly name: string;
  readonly scale: number;
  readonly pitch: number | null;
}
/** The plan, to edit: the official font, installed on the users' computers, at Word's single line. */
export const TH_SARABUN_PSK: Face = { name: FONT, scale: TH_SARABUN_SCALE, pitch: null };
/**
 * A handout, to print as the PDF prints it: the PDF's own font, embedded in the file, at the PDF's sizes and
 * line pitch (1.3 ems of Sarabun, pdfkit's line, × the handouts' 1.05), given exactly, since Word and
 * LibreOffice measure Sarabun's natural line differently (above).
 */
export const SARABUN: Face = { name: 'Sarabun', scale: 1, pitch: 1.3 * DEFAULT_STYLE.lineHeight };

/** A size of the styles (half-points of TH SarabunPSK) in this face. */
export const inFace = (half: number, face: Face): number => Math.round((half * TH_SARABUN_SCALE) / face.scale);

/** The exact line of a paragraph whose largest run is `half` half-points, where the face sets one. */
export function exactLine(half: number, face: Face): { line: number; lineRule: typeof LineRuleType.EXACT } | null {
  return face.pitch === null ? null : { line: Math.round(half * 10 * face.pitch), lineRule: LineRuleType.EXACT };
}
/** Thai text is complex script: its language goes in w:lang w:bidi, as Word writes it for Thai. */
const THAI = 'th-TH';

/** Word's half-points for a model size: the model's sizes are Sarabun points as printed (blocks.ts thSarabun). */
export function halfPoints(sarabunPoints: number, face: Face = TH_SARABUN_PSK): number {
  return Math.round((sarabunPoints / face.scale) * 2);
}

/** Twentieths of a point (twips), Word's unit of length. */
export const twips = (points: number): number => Math.round(points * 20);

export const BODY = 32;
export const TABLE = 28;
export const TITLE = 40;
const COVER_TITLE = 56;

const bold = { bold: true, boldComplexScript: true };

/** Thai paragraphs indent their first line 1.25 cm. */
export const FIRST_LINE = 709;

/**
 * Word's single line for TH SarabunPSK is 1.301 of its size (the font's Windows ascent and descent). The plan
 * keeps it, as the PDF does; a handout sets its lines as close as the PDF's handouts (1.3 × 1.05 Sarabun
 * ems), in 240ths of a single line, so that it stays on its page.
 */
const HANDOUT_LINE = Math.round((240 * 1.3 * DEFAULT_STYLE.lineHeight * TH_SARABUN_SCALE) / 1.301);

/**
 * `body`: the half-points of the document's body text in the face (a handout's own size), for the exact line
 * of paragraphs that set no size of their own.
 */
export function styles(
  language: Language,
  setting: 'plan' | 'handout',
  face: Face = TH_SARABUN_PSK,
  body = inFace(BODY, face),
): IStylesOptions {
  const font = { ascii: face.name, hAnsi: face.name, cs: face.name, eastAsia: face.name };
  const size = (half: number) => ({ size: inFace(half, face), sizeComplexScript: inFace(half, face) });
  const line = exactLine(body, face) ?? {
    line: setting === 'plan' ? 240 : HANDOUT_LINE,
    lineRule: LineRuleType.AUTO,
  };
  return {
    default: {
      document: {
        run: {
          font,
          ...size(BODY),
          language: { value: language === 'th' ? THAI : 'en-GB', eastAsia: THAI, bidirectional: THAI },
        },
        paragraph: { spacing: { ...line, before: 0, after: 0 } },
      },
      title: {
        run: { font, ...size(COVER_TITLE), ...bold, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 160 } },
      },
      heading1: {
        run: { font, ...size(TITLE), ...bold, color: '000000' },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 320 },
          keepNext: true,
          outlineLevel: 0,
        },
      },
      heading2: {
        run: { font, ...size(BODY), ...bold, color: '000000' },
        paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      heading3: {
        run: { font, ...size(BODY), ...bold, color: '000000' },
        paragraph: { spacing: { before: 120, after: 40 }, keepNext: true, keepLines: true, outlineLevel: 2 },
      },
    },
    paragraphStyles: [
      {
        id: 'BodyText',
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: {
          alignment: AlignmentType.THAI_DISTRIBUTE,
          indent: { firstLine: FIRST_LINE },
          spacing: { after: 80 },
        },
      },
      {
        id: 'Caption',
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { ...size(TABLE), ...bold, color: '000000', italics: false },
        paragraph: { spacing: { before: 120, after: 0 }, keepNext: true },
      },
      {
        id: 'Note',
        name: 'Note',
        basedOn: 'Normal',
        run: { ...size(TABLE), color: '333333' },
        paragraph: { spacing: { after: 160 } },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { ...size(TABLE) },
      },
      {
        id: 'TOCHeading',
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { ...size(TITLE), ...bold },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 320 } },
      },
      {
        id: 'TOC1',
        name: 'toc 1',
        basedOn: 'Normal',
        next: 'Normal',
        run: { ...bold },
        paragraph: { spacing: { before: 120 } },
      },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 567 } } },
      {
        id: 'Header',
        name: 'header',
        basedOn: 'Normal',
        run: { ...size(24), color: '555555' },
        paragraph: { alignment: AlignmentType.RIGHT },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: { ...size(TABLE) },
        paragraph: { alignment: AlignmentType.CENTER },
      },
    ],
  };
}
