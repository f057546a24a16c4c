import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ImageRun } from 'docx';
import type { ImageBlock } from '../../core/doc/model.ts';

/**
 * Charts and the strategy map in Word: the SVG itself (Word 2016 and later, LibreOffice) with a PNG for
 * applications that cannot show SVG, which the OOXML format requires beside it (a:blip with asvg:svgBlip).
 * The PNG is drawn by resvg with the fonts the PDF embeds (resources/fonts, Sarabun), never the system's, so
 * it shows the same Thai text on any machine; at twice the printed size, for print quality.
 */
export type Rasterise = (svg: string, widthPx: number) => Uint8Array;

const FONT_FILES = ['Sarabun-Regular.ttf', 'Sarabun-Bold.ttf', 'Sarabun-Italic.ttf', 'Sarabun-BoldItalic.ttf'];

/**
 * Sarabun's four faces to embed in a .docx (docx obfuscates them as OOXML requires; Word and LibreOffice use
 * them where Sarabun is not installed). Sarabun is under the SIL Open Font License, which allows embedding.
 */
export function embeddedSarabun(fontsDir: string) {
  const [data, bold, italic, boldItalic] = FONT_FILES.map((name) => readFileSync(join(fontsDir, name)));
  return { name: 'Sarabun', data: data!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
}

/** A rasteriser over the shipped fonts; the same drawing is drawn once (a tick is in many cells). */
export function rasteriser(fontsDir: string): Rasterise {
  const fontFiles = FONT_FILES.map((name) => join(fontsDir, name));
  for (const file of fontFiles) readFileSync(file, { flag: 'r' }).subarray(0, 0); // a missing font fails here, not in resvg
  const drawn = new Map<string, Uint8Array>();
  return (svg, widthPx) => {
    const key = `${widthPx}:${svg}`;
    let png = drawn.get(key);
    if (!png) {
      const resvg = new Resvg(svg, {
        fitTo: { mode: 'width', value: Math.max(1, Math.round(widthPx * 2)) },
        font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Sarabun' },
      });
      png = resvg.render().asPng();
      drawn.set(key, png);
    }
    return png;
  };
}

const attribute = (svg: string, name: string) =>
  Number(new RegExp(`<svg[^>]*\\s${name}="([0-9.]+)"`).exec(svg)?.[1] ?? NaN);

const FIT_HEIGHT = 0.9;

/** Points to Word's pixels (docx sizes pictures at 96 per inch). */
const PX = 96 / 72;

/** The picture at the size the PDF prints it: `width` points, or fitted into `fit`, never wider than the text. */
export function imageRun(block: ImageBlock, textWidth: number, rasterise: Rasterise): ImageRun {
  const w = attribute(block.svg, 'width');
  const h = attribute(block.svg, 'height');
  const ratio = Number.isFinite(w) && Number.isFinite(h) && w > 0 ? h / w : 1;
  let width = Math.min(block.width ?? (Number.isFinite(w) ? w : textWidth), textWidth);
  // Word's lines above a fitted picture (the map handout's titles) are taller than the PDF's: a little less height.
  if (block.fit) width = Math.min(block.fit[0], (block.fit[1] * FIT_HEIGHT) / ratio, textWidth);
  const px = { width: Math.round(width * PX), height: Math.round(width * ratio * PX) };
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(block.svg, 'utf8'),
    transformation: px,
    fallback: { type: 'png', data: rasterise(block.svg, px.width) },
  });
}
