import { describe, expect, it } from 'vitest';
import { formatTsv, parseNumberCell, parseTsv } from '../../main/core/paste.ts';

describe('pasting rows from a spreadsheet', () => {
  it('splits tabs and lines, with CRLF and a trailing newline', () => {
    expect(parseTsv('ตัวชี้วัด\tหน่วย\r\nร้อยละความพึงพอใจ\tร้อยละ\r\n')).toEqual([
      ['ตัวชี้วัด', 'หน่วย'],
      ['ร้อยละความพึงพอใจ', 'ร้อยละ'],
    ]);
  });

  it('keeps quoted cells whole, with their tabs, newlines and doubled quotes', () => {
    expect(parseTsv('"ข่าว\nประชาสัมพันธ์"\t"ก\tข"\t"คำว่า ""กทม."""\n')).toEqual([
      ['ข่าว\nประชาสัมพันธ์', 'ก\tข', 'คำว่า "กทม."'],
    ]);
  });

  it('writes rows back as a spreadsheet copies them, so that they read back to the same cells', () => {
    const rows = [
      ['ข่าว\nประชาสัมพันธ์', 'ก\tข', 'คำว่า "กทม."', ''],
      ['ร้อยละ', '85'],
    ];
    expect(formatTsv(rows)).toBe('"ข่าว\nประชาสัมพันธ์"\t"ก\tข"\t"คำว่า ""กทม."""\t\nร้อยละ\t85');
    expect(parseTsv(formatTsv(rows))).toEqual(rows);
  });

  it('drops only wholly blank rows and keeps empty cells', () => {
    expect(parseTsv('a\t\tc\n\t\t\n\nd\n')).toEqual([['a', '', 'c'], ['d']]);
  });
});

describe('number cells', () => {
  it.each([
    ['1,250.5', 1250.5],
    ['๑,๒๕๐', 1250],
    ['85%', 85],
    [' 12 ', 12],
    ['-3', -3],
    ['0', 0],
  ])('reads %s', (cell, value) => expect(parseNumberCell(cell)).toEqual({ ok: true, value }));

  it.each(['', '-', '–'])('reads %j as no value', (cell) =>
    expect(parseNumberCell(cell)).toEqual({ ok: true, value: null }),
  );

  it.each(['12,34', 'abc', '1.2.3', '๑๒ ครั้ง'])('refuses %s', (cell) =>
    expect(parseNumberCell(cell)).toEqual({ ok: false, message: 'validation.number' }),
  );
});
