/**
 * Where text lands on the page, read back from a PDF by pdf.js (its text items) and by poppler (pdftotext
 * -bbox, word boxes), for checks a reader makes at a glance: no text drawn over other text, none past the
 * margin. Charts place their own text (SVG), so this is how a test sees a legend overprinting or a label cut.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A text's box in points, origin at the page's top left. */
export interface TextBox {
  readonly page: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** pdf.js text items: from the baseline up 0.8 em and down 0.2 em (Sarabun's body, marks aside). */
export async function pdfjsBoxes(pdf: Uint8Array): Promise<TextBox[]> {
  const task = getDocument({ data: pdf.slice(), verbosity: 0 });
  const doc = await task.promise;
  try {
    const boxes: TextBox[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [, , pageWidth, height] = page.view as [number, number, number, number];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , , , x, y] = item.transform as number[];
        const em = item.height;
        boxes.push({
          page: p,
          pageWidth,
          pageHeight: height,
          text: item.str,
          x0: x!,
          x1: x! + item.width,
          y0: height - y! - 0.8 * em,
          y1: height - y! + 0.2 * em,
        });
      }
    }
    return boxes;
  } finally {
    await task.destroy();
  }
}

/** poppler's word boxes (what Evince and Okular select). */
export function popplerBoxes(pdf: Uint8Array): TextBox[] {
  const dir = mkdtempSync(join(tmpdir(), 'phaen-bbox-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)"[^>]*>([\s\S]*?)<\/page>/g)].flatMap((page, i) =>
      [
        ...(page[3] ?? '').matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((w) => ({
        page: i + 1,
        pageWidth: Number(page[1]),
        pageHeight: Number(page[2]),
        text: w[5]!,
        x0: Number(w[1]),
        y0: Number(w[2]),
        x1: Number(w[3]),
        y1: Number(w[4]),
      })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairs of texts on one page drawn over each other (by more than `tolerance` points both ways). */
export function overprinted(boxes: readonly TextBox[], tolerance = 1): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      if (a.page !== b.page) continue;
      const wide = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const high = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (wide > tolerance && high > tolerance) found.push(`page ${a.page}: "${a.text}" over "${b.text}"`);
    }
  });
  return found;
}

/** Texts reaching into the right margin (by more than a point): cut, or crowding the page's edge. */
export function pastMargin(boxes: readonly TextBox[], margin: number): string[] {
  return boxes
    .filter((b) => b.x1 > b.pageWidth - margin + 1)
    .map((b) => `page ${b.page}: "${b.text}" ends at ${b.x1.toFixed(1)}`);
}
