import * as fontkit from 'fontkit';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SARABUN_BOLD, SARABUN_REGULAR, textWidth, wrapText } from '../../main/core/charts/textWidth.ts';
import { breakOpportunities } from '../../main/core/thaiBreak.ts';

const fonts = join(import.meta.dirname, '..', '..', 'resources', 'fonts');

/** The advance of each code point in [first, first + count), 0 where the font has no glyph. */
function advances(file: string, first: number, count: number): number[] {
  const font = fontkit.openSync(join(fonts, file));
  expect(font.unitsPerEm).toBe(1000);
  return Array.from({ length: count }, (_, i) =>
    font.hasGlyphForCodePoint(first + i) ? font.glyphForCodePoint(first + i).advanceWidth : 0,
  );
}

describe('Sarabun text width', () => {
  it('holds the shipped fonts’ own advance widths for printable ASCII and the Thai block', () => {
    for (const [file, table] of [
      ['Sarabun-Regular.ttf', SARABUN_REGULAR],
      ['Sarabun-Bold.ttf', SARABUN_BOLD],
    ] as const) {
      expect(advances(file, 0x20, table.ascii.length)).toEqual(table.ascii);
      expect(advances(file, 0x0e01, table.thai.length)).toEqual(table.thai);
      expect(table.thai.length).toBe(0x0e5b - 0x0e01 + 1);
    }
  });

  it('measures a Thai word as the sum of its spacing characters (marks above and below take no room)', () => {
    // น 637 + ้ 0 + ำ 485 = 1122 units; at 20 px that is 22.44 px.
    expect(textWidth('น้ำ', { fontSize: 20 })).toBeCloseTo(22.44, 5);
    expect(textWidth('ก', { fontSize: 10, bold: true })).toBeCloseTo(5.97, 5);
  });
});

describe('wrapping text into lines', () => {
  const style = { fontSize: 14 };
  const name = 'โครงการพัฒนาแพลตฟอร์มสื่อสังคมออนไลน์ของกรุงเทพมหานคร เพื่อการประชาสัมพันธ์เชิงรุก';

  it('fills each line up to the width and breaks only where Thai allows', () => {
    const lines = wrapText(name, 150, style);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, style)).toBeLessThanOrEqual(150);
    const allowed = new Set(breakOpportunities(name));
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at = name.indexOf(line, at) + line.length;
      expect(allowed.has(name[at] === ' ' ? at + 1 : at)).toBe(true);
      // Greedy: the next piece of text would not have fitted on this line.
      const next = lines[lines.indexOf(line) + 1]!;
      const firstPiece = next.slice(0, (breakOpportunities(next)[0] ?? next.length) || next.length).trimEnd();
      expect(textWidth(`${line}${name[at] === ' ' ? ' ' : ''}${firstPiece}`, style)).toBeGreaterThan(150);
    }
    expect(lines.join('').replace(/ /g, '')).toBe(name.replace(/ /g, ''));
    // กรุงเทพมหานคร is one word in thaiBreak's list: never cut.
    expect(lines.some((l) => l.endsWith('กรุงเทพ') || l.startsWith('มหานคร'))).toBe(false);
  });

  it('leaves room on the first line for a number drawn before the text', () => {
    const plain = wrapText(name, 200, style);
    const indented = wrapText(name, 200, style, 80);
    expect(textWidth(indented[0]!, style)).toBeLessThanOrEqual(120);
    expect(indented[0]!.length).toBeLessThan(plain[0]!.length);
    for (const line of indented.slice(1)) expect(textWidth(line, style)).toBeLessThanOrEqual(200);
  });

  it('cuts a word wider than a line between grapheme clusters, never before a mark', () => {
    const lines = wrapText('ประชาสัมพันธ์ประชาสัมพันธ์', 40, style);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(textWidth(line, style)).toBeLessThanOrEqual(40);
      expect(line).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
    }
    expect(lines.join('')).toBe('ประชาสัมพันธ์ประชาสัมพันธ์');
  });

  it('collapses runs of whitespace and gives no lines for blank text', () => {
    expect(wrapText('  ข่าว \n\t สาร  ', 500, style)).toEqual(['ข่าว สาร']);
    expect(wrapText(' \n ', 500, style)).toEqual([]);
  });
});
