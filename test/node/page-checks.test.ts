import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import type { LaidOutLine } from '../../main/services/pdf/render.ts';
import * as checks from '../harness/pages.ts';
import type { PageBox } from '../harness/pages.ts';
import { outOfHierarchy, tableRowsOutOfOrder } from '../harness/pdf.ts';
import type { TextBox } from '../harness/textBoxes.ts';

/**
 * The page checks of test/harness (pages.ts, pdf.ts) on made-up pages: each flags the fault it is written for and
 * passes the same pages without it, and throws when it finds nothing to judge, so that a reader or layout change
 * that finds nothing fails loudly instead of passing every printed plan.
 */

/** The body: 70 pt under the page's top to 60 pt above its foot (712 pt of an A4 page's 842). */
const area = { top: 70, bottom: 60 };
const PORTRAIT = { width: 595, height: 842 };
const LANDSCAPE = { width: 842, height: 595 };

/** A page read by poppler: its body's rows of text, [top, text]. */
const page = (rows: readonly [number, string][], size = PORTRAIT): PageBox => ({
  ...size,
  lines: rows.map(([y, text]) => ({ y, text })),
});
/** Rows of text 20 pt apart from `from` to `to`, named `name 1`, `name 2` … */
const rowsOf = (name: string, from: number, to: number): [number, string][] =>
  Array.from({ length: Math.floor((to - from) / 20) + 1 }, (_, i) => [from + 20 * i, `${name} ${i + 1}`]);
const full = page(rowsOf('ย่อหน้า', 80, 760));

/** A line the engine laid out: one piece of text at the body's left edge, regular unless `bold`. */
function line(
  pageNumber: number,
  y: number,
  text: string,
  paragraph: number,
  seq: number,
  more: Partial<LaidOutLine> & { bold?: boolean } = {},
): LaidOutLine {
  const { bold = false, ...rest } = more;
  return {
    page: pageNumber,
    x: 85,
    y,
    width: 100,
    maxWidth: 425,
    paragraph,
    seq,
    lastInParagraph: false,
    forcedEnd: false,
    justified: false,
    text,
    pieces: [
      {
        text,
        font: bold ? 'Sarabun-Bold' : 'Sarabun',
        fontSize: 14,
        x: 0,
        width: 100,
        trailingCut: 0,
        clusterSpacing: 0,
      },
    ],
    ...rest,
  };
}

describe('nearEmptyPages', () => {
  it('flags a page whose body is two lines at its top, and a blank page', () => {
    const pages = [
      full,
      page([
        [80, 'บรรทัดหนึ่ง'],
        [100, 'บรรทัดสอง'],
      ]),
      page([]),
    ];
    expect(checks.nearEmptyPages(pages, area)).toEqual([
      'page 2: 2 line(s) "บรรทัดหนึ่ง / บรรทัดสอง"',
      'page 3: 0 line(s) ""',
    ]);
  });

  it('passes a page of three lines, and a caption low on its page under a figure', () => {
    const caption = page([
      [420, 'แผนภาพที่ 1 ตำแหน่งทางยุทธศาสตร์'],
      [440, 'ที่มา: คณะทำงาน'],
    ]);
    expect(checks.nearEmptyPages([full, page(rowsOf('บรรทัด', 80, 120)), caption], area)).toEqual([]);
  });

  it('throws on pages from which no text was read', () => {
    expect(() => checks.nearEmptyPages([page([]), page([])], area)).toThrow(/found no body text/);
  });
});

describe('pagesLeftShort', () => {
  it('flags a page filled less than a quarter before a page that starts with a numbered section', () => {
    const pages = [page(rowsOf('ย่อหน้า', 80, 200)), page([[80, '4.7.2 การติดตามผล'], ...rowsOf('ย่อหน้า', 100, 700)])];
    expect(checks.pagesLeftShort(pages, area)).toEqual(['page 1: 18 % filled before "4.7.2 การติดตามผล"']);
  });

  it('passes such a page before a chapter, before a turned page, and a page filled more than a quarter', () => {
    const short = page(rowsOf('ย่อหน้า', 80, 200));
    expect(checks.pagesLeftShort([short, page([[80, 'บทที่ 5'], ...rowsOf('ย่อหน้า', 120, 700)])], area)).toEqual([]);
    expect(checks.pagesLeftShort([short, page([[80, '4.9 โครงการ']], LANDSCAPE)], area)).toEqual([]);
    expect(checks.pagesLeftShort([page(rowsOf('ย่อหน้า', 80, 300)), page([[80, '4.7.2 การติดตามผล']])], area)).toEqual([]);
  });
});

describe('tableBreaks', () => {
  const head: [number, string] = [74, 'หน่วยนับ ค่าฐาน 2566 2567'];
  it("flags a table's head at a page foot with one row under it", () => {
    const pages = [
      page([...rowsOf('ย่อหน้า', 80, 680), [700, head[1]], [720, 'ร้อยละ 80 85 90']]),
      page([head, ...rowsOf('แถว', 100, 700)]),
    ];
    expect(checks.tableBreaks(pages, area)).toEqual([`page 1: a table's head with 1 row(s) under it: "${head[1]}"`]);
  });

  it('flags a table that goes on over the page with a few rows, leaving more than a third of its page empty', () => {
    const pages = [
      page([[80, 'ย่อหน้า'], [100, head[1]], ...rowsOf('แถว', 120, 160)]),
      page([head, ...rowsOf('ต่อ', 100, 700)]),
    ];
    expect(checks.tableBreaks(pages, area)).toEqual(['page 1: a table goes on over the page with 85 % of it empty']);
  });

  it('passes a table broken under a full page with its head repeated', () => {
    const pages = [
      page([...rowsOf('ย่อหน้า', 80, 580), [600, head[1]], ...rowsOf('แถว', 620, 760)]),
      page([head, ...rowsOf('ต่อ', 100, 700)]),
    ];
    expect(checks.tableBreaks(pages, area)).toEqual([]);
  });

  it('throws when no table goes on over a page: a changed reader would find no repeated head', () => {
    expect(() => checks.tableBreaks([full, page(rowsOf('อื่น', 80, 700))], area)).toThrow(
      /found no table running over a page/,
    );
  });
});

describe('tableTails', () => {
  const head: [number, string] = [74, 'ประเด็นยุทธศาสตร์ 2566 2567 รวม'];
  const before = page([...rowsOf('ย่อหน้า', 80, 600), [620, head[1]], ...rowsOf('แถว', 640, 760)], LANDSCAPE);

  it("flags a table's last rows alone on a page filled less than a quarter", () => {
    const pages = [before, page([head, [94, 'ประเด็นที่ 6'], [114, 'รวม']], LANDSCAPE)];
    expect(checks.tableTails(pages, area)).toEqual(["page 2: a table's last rows alone, 14 % filled"]);
  });

  it('passes the last rows of a table that fill more than a quarter of their page', () => {
    const pages = [before, page([head, ...rowsOf('แถว', 94, 400)], LANDSCAPE)];
    expect(checks.tableTails(pages, area)).toEqual([]);
  });

  it('throws when no table goes on over a page', () => {
    expect(() => checks.tableTails([full, page(rowsOf('สั้น', 80, 100))], area)).toThrow(/no table running over a page/);
  });
});

describe('tailsBeforeTurns', () => {
  const turned = page([[80, '4.9 โครงการ'], ...rowsOf('โครงการ', 100, 500)], LANDSCAPE);

  it("flags a section's last lines alone on a page filled less than a quarter before the page turns", () => {
    const tail = page([
      [80, 'เป้าประสงค์ 6.3 ผ่านระบบประชุมทางไกล'],
      ...rowsOf('• กลยุทธ์', 100, 160),
      [180, 'เป้าประสงค์ 6.4 ข่าวสารกรุงเทพฯ'],
      [200, '• กลยุทธ์ 6.4.1'],
    ]);
    expect(checks.tailsBeforeTurns([full, tail, turned], area)).toEqual(['page 2: 21 % filled before the page turns']);
  });

  it('passes a short page that starts a section of its own, and a tail filling more than a quarter', () => {
    const own = page([[80, '4.8.3 กลยุทธ์'], ...rowsOf('• กลยุทธ์', 100, 160)]);
    expect(checks.tailsBeforeTurns([full, own, turned], area)).toEqual([]);
    expect(checks.tailsBeforeTurns([full, page(rowsOf('• กลยุทธ์', 80, 300)), turned], area)).toEqual([]);
  });

  it('throws on a document whose pages never turn', () => {
    expect(() => checks.tailsBeforeTurns([full, full, full], area)).toThrow(/found no page followed by a turned page/);
  });
});

describe('widowsAndOrphans', () => {
  const pages = [full, full];

  it("flags a paragraph's first line alone at a page foot, and its last alone at a page top", () => {
    const orphan = [line(1, 740, 'บรรทัดแรก', 1, 0), line(2, 80, 'บรรทัดสอง', 1, 1), line(2, 100, 'บรรทัดสาม', 1, 2)];
    const widow = [line(1, 720, 'หนึ่ง', 2, 0), line(1, 740, 'สอง', 2, 1), line(2, 80, 'สาม', 2, 2)];
    expect(checks.widowsAndOrphans([...orphan, ...widow], pages, area)).toEqual([
      'page 1: one line of a paragraph alone: "บรรทัดแรก"',
      'page 2: one line of a paragraph alone: "สาม"',
    ]);
  });

  it('passes a paragraph that leaves two lines on each side of the break', () => {
    const lines = [
      line(1, 720, 'หนึ่ง', 1, 0),
      line(1, 740, 'สอง', 1, 1),
      line(2, 80, 'สาม', 1, 2),
      line(2, 100, 'สี่', 1, 3),
    ];
    expect(checks.widowsAndOrphans(lines, pages, area)).toEqual([]);
  });

  it('throws when no paragraph runs over a page (a table head repeated on the next page is one line)', () => {
    const lines = [line(1, 80, 'ย่อหน้า', 1, 0), line(1, 700, 'หน่วยนับ', 2, 0), line(2, 74, 'หน่วยนับ', 2, 0)];
    expect(() => checks.widowsAndOrphans(lines, pages, area)).toThrow(/found no paragraph running over a page/);
  });
});

describe('strandedHeadings', () => {
  const pages = [full, full];
  const isHeading = (l: LaidOutLine) => l.pieces.every((p) => /Bold/.test(p.font));
  const heading = (pageNumber: number, y: number, text: string, paragraph: number) =>
    line(pageNumber, y, text, paragraph, 0, { bold: true });

  it('flags a heading last on its page, one with no line or a single line of its content under it', () => {
    const overHeading = [heading(1, 700, '2 สรุปผล', 1), heading(2, 80, '2.1 ผลรวม', 2), line(2, 100, 'เนื้อหา', 3, 0)];
    const atFoot = [heading(2, 740, '2.2 ปัญหา', 4), line(3, 80, 'เนื้อหา', 5, 0), line(3, 100, 'ต่อ', 5, 1)];
    const oneLine = [
      heading(3, 700, '2.3 แนวทาง', 6),
      line(3, 740, 'บรรทัดเดียว', 7, 0),
      line(4, 80, 'ย่อหน้าถัดไป', 8, 0),
      heading(4, 120, '2.4 ข้อเสนอ', 9),
    ];
    expect(
      checks.strandedHeadings([...overHeading, ...atFoot, ...oneLine], [full, full, full, full], area, isHeading),
    ).toEqual([
      'page 1: heading at the foot: 2 สรุปผล',
      'page 2: 0 line(s) under the heading "2.2 ปัญหา"',
      'page 3: 1 line(s) under the heading "2.3 แนวทาง"',
    ]);
  });

  it('passes a heading with two lines of its content under it on its page', () => {
    const lines = [
      heading(1, 700, '2.1 สรุปผล', 1),
      line(1, 720, 'หนึ่ง', 2, 0),
      line(1, 740, 'สอง', 2, 1),
      line(2, 80, 'สาม', 3, 0),
    ];
    expect(checks.strandedHeadings(lines, pages, area, isHeading)).toEqual([]);
  });

  it('throws when no line is a heading', () => {
    expect(() => checks.strandedHeadings([line(1, 80, 'ย่อหน้า', 1, 0)], pages, area, isHeading)).toThrow(
      /found no heading/,
    );
  });
});

describe('shortJustifiedLines', () => {
  /** A justified paragraph of two lines in a 100 pt measure: the first `first` pt wide, "bbb ccc" 60 pt after it. */
  const paragraph = (first: number) => [
    line(1, 80, 'aaa ', 1, 0, {
      justified: true,
      maxWidth: 100,
      pieces: [
        { text: 'aaa ', font: 'Sarabun', fontSize: 10, x: 0, width: first + 5, trailingCut: 5, clusterSpacing: 0 },
      ],
    }),
    line(1, 100, 'bbb ccc', 1, 1, {
      justified: true,
      lastInParagraph: true,
      maxWidth: 100,
      pieces: [{ text: 'bbb ccc', font: 'Sarabun', fontSize: 10, x: 0, width: 60, trailingCut: 0, clusterSpacing: 0 }],
    }),
  ];

  it('flags a line that stops short of the right edge where the paragraph could have filled it', () => {
    expect(checks.shortJustifiedLines(paragraph(25))).toEqual(['page 1: ends 75.00 pt short: "aaa "']);
  });

  it('passes a paragraph whose every line but the last reaches the right edge', () => {
    expect(checks.shortJustifiedLines(paragraph(100))).toEqual([]);
  });

  it('throws when no paragraph is justified', () => {
    expect(() => checks.shortJustifiedLines([line(1, 80, 'ย่อหน้า', 1, 0)])).toThrow(/found no justified paragraph/);
  });
});

describe('cardsSplit', () => {
  const card = (start: [number, number], end: [number, number], paragraph: number) => [
    line(start[0], start[1], 'นิยาม', paragraph, 0, { bold: true }),
    line(start[0], start[1] + 20, 'ร้อยละของประชาชนที่รับรู้', paragraph + 1, 0),
    line(end[0], end[1], 'ผู้รับผิดชอบ', paragraph + 2, 0, { bold: true }),
  ];

  it('flags a KPI card whose responsible unit is printed on the next page', () => {
    expect(
      checks.cardsSplit([...card([3, 80], [3, 300], 1), ...card([3, 700], [4, 80], 4)], 'นิยาม', 'ผู้รับผิดชอบ'),
    ).toEqual(['page 3: a KPI card ends on page 4']);
  });

  it('passes cards each on one page', () => {
    expect(
      checks.cardsSplit([...card([3, 80], [3, 300], 1), ...card([4, 80], [4, 300], 4)], 'นิยาม', 'ผู้รับผิดชอบ'),
    ).toEqual([]);
  });

  it('throws when no card is found', () => {
    expect(() => checks.cardsSplit([line(3, 80, 'ภาคผนวก ก', 1, 0)], 'นิยาม', 'ผู้รับผิดชอบ')).toThrow(/found no KPI card/);
  });
});

describe('kpiNamesSplit', () => {
  const BODY = 10.88;
  const name = (pageNumber: number, y: number, paragraph: number) =>
    line(pageNumber, y, '1.1.2 จำนวนช่องทางการสื่อสาร (ช่องทาง)', paragraph, 0, {
      pieces: [
        {
          text: '1.1.2 จำนวนช่องทางการสื่อสาร',
          font: 'Sarabun',
          fontSize: 9.52,
          x: 0,
          width: 200,
          trailingCut: 0,
          clusterSpacing: 0,
        },
      ],
    });
  const targets = (pageNumber: number, y: number, paragraph: number) => line(pageNumber, y, 'ช่องทาง', paragraph, 0);

  it("flags a KPI's name at a page foot with its targets on the next page", () => {
    expect(checks.kpiNamesSplit([name(5, 740, 1), targets(6, 100, 2)], BODY)).toEqual([
      'page 5: 1.1.2 จำนวนช่องทางการสื่อสาร (ช่องทาง)',
    ]);
  });

  it('passes a name over its targets on its page, and leaves a numbered heading at body size alone', () => {
    const heading = line(6, 80, '4.6.1 เป้าประสงค์', 3, 0, { bold: true });
    expect(checks.kpiNamesSplit([name(5, 700, 1), targets(5, 720, 2), heading], BODY)).toEqual([]);
  });

  it('throws when no KPI name is found in type smaller than the body', () => {
    expect(() => checks.kpiNamesSplit([line(5, 80, '4.6.1 เป้าประสงค์', 1, 0)], BODY)).toThrow(/found no KPI's name/);
  });
});

describe('contentsEntryProblems', () => {
  const RIGHT = 538;
  /** A contents line: its text, then (`page`) dots ending 2 pt before a page number ending at `end`. */
  const entryLine = (y: number, text: string, paragraph: number, seq: number, x = 85, page?: string, end = RIGHT) =>
    line(3, y, page === undefined ? text : `${text}......${page}`, paragraph, seq, {
      x,
      pieces: [
        { text, font: 'Sarabun', fontSize: 10.88, x: 0, width: 200, trailingCut: 0, clusterSpacing: 0 },
        ...(page === undefined
          ? []
          : [
              {
                text: '......',
                font: 'Sarabun',
                fontSize: 10.88,
                x: 210,
                width: end - x - 222,
                trailingCut: 0,
                clusterSpacing: 0,
              },
              {
                text: page,
                font: 'Sarabun',
                fontSize: 10.88,
                x: end - x - 10,
                width: 10,
                trailingCut: 0,
                clusterSpacing: 0,
              },
            ]),
      ],
    });

  it('flags a page number on a wrapped entry’s first line, one short of the margin, one in the wrong digits, and a wrapped line out of place', () => {
    const lines = [
      entryLine(80, '1.1 ความเป็นมา', 1, 0, 85, '1'),
      entryLine(100, 'และความสำคัญ', 1, 1, 85, '1'),
      entryLine(120, '1.2 วัตถุประสงค์', 2, 0, 85, '2', RIGHT - 3),
      entryLine(140, '1.3 ขั้นตอน', 3, 0, 85, '๓'),
      entryLine(160, '4.6 ประเด็นยุทธศาสตร์ที่ 1 การสื่อสารนโยบาย', 4, 0, 120),
      entryLine(180, 'อย่างทั่วถึง', 4, 1, 100, '19'),
    ];
    expect(checks.contentsEntryProblems(lines, RIGHT, /^([0-9]+|[ก-ฮ])$/)).toEqual([
      'a leader before the entry\'s last line: "1.1 ความเป็นมา......1 / และความสำคัญ......1"',
      'page number ends at 535.0 pt: "1.2 วัตถุประสงค์......2"',
      'no leader and page number ending the entry: "1.3 ขั้นตอน......๓"',
      'wrapped lines not under the entry\'s text: "4.6 ประเด็นยุทธศาสตร์ที่ 1 การสื่อสารนโยบาย / อย่างทั่วถึง......19"',
    ]);
  });

  it('passes entries ending in dots and their page number at the margin, wrapped lines under their text', () => {
    const lines = [
      entryLine(80, '1.1 ความเป็นมา', 1, 0, 85, 'ก'),
      entryLine(100, '4.6 ประเด็นยุทธศาสตร์ที่ 1 การสื่อสารนโยบาย', 2, 0, 120),
      entryLine(120, 'อย่างทั่วถึง', 2, 1, 120, '19'),
    ];
    expect(checks.contentsEntryProblems(lines, RIGHT, /^([0-9]+|[ก-ฮ])$/)).toEqual([]);
  });

  it('throws when no entry ends in a leader', () => {
    expect(() => checks.contentsEntryProblems([entryLine(80, 'สารบัญ', 1, 0)], RIGHT, /^[0-9]+$/)).toThrow(
      /found no contents entry/,
    );
  });
});

describe('contentsBreaks', () => {
  const entry = (pageNumber: number, y: number, text: string, paragraph: number, seq = 0, bold = false) =>
    line(pageNumber, y, text, paragraph, seq, { bold });

  it("flags an entry split over two pages, and a chapter's line alone at a page foot", () => {
    const lines = [
      entry(2, 720, '4.8 การบริหารความเสี่ยงของแผน', 1),
      entry(3, 80, 'ยุทธศาสตร์ ............ 40', 1, 1),
      entry(3, 740, 'บทที่ 5 การติดตามผล ............ 41', 2, 0, true),
      entry(4, 80, '5.1 แนวทาง ............ 41', 3),
    ];
    expect(checks.contentsBreaks(lines)).toEqual([
      'page 2: entry split over pages: ["4.8 การบริหารความเสี่ยงของแผน","ยุทธศาสตร์ ............ 40"]',
      'page 3: chapter line alone at the foot: บทที่ 5 การติดตามผล ............ 41',
    ]);
  });

  it("passes entries whole on their pages, a chapter's line over its first section", () => {
    const lines = [
      entry(3, 720, 'บทที่ 5 การติดตามผล ............ 41', 1, 0, true),
      entry(3, 740, '5.1 แนวทาง ............ 41', 2),
      entry(4, 80, '5.2 ตัวชี้วัด ............ 42', 3),
    ];
    expect(checks.contentsBreaks(lines)).toEqual([]);
  });

  it('throws on lines with no entry ending in a leader', () => {
    expect(() => checks.contentsBreaks([entry(2, 80, 'สารบัญ', 1)])).toThrow(/found no contents entry/);
  });
});

describe('listLinesAlone', () => {
  const box = (pageNumber: number, x: number, y: number, text: string): TextBox => ({
    page: pageNumber,
    pageWidth: PORTRAIT.width,
    pageHeight: PORTRAIT.height,
    text,
    x0: x,
    y0: y,
    x1: x + 100,
    y1: y + 14,
  });

  const list = [
    box(1, 85, 80, 'ย่อหน้านำรายการ'),
    box(1, 100, 740, '1. สำนักงานเขตพระนคร'),
    box(2, 100, 80, '2. สำนักงานเขตดุสิต'),
    box(2, 100, 100, '3. สำนักงานเขตบางรัก'),
    box(2, 85, 700, 'ย่อหน้าถัดไป'),
    box(2, 100, 720, '4. สำนักงานเขตปทุมวัน'),
    box(2, 100, 740, '5. สำนักงานเขตจตุจักร'),
    box(3, 100, 80, '6. สำนักงานเขตบางซื่อ'),
    box(3, 85, 120, 'ย่อหน้าปิด'),
  ];

  it("flags a list's first line alone at a page foot and its last alone at the next page's top", () => {
    expect(checks.listLinesAlone(list, area)).toEqual([
      'page 1: a list breaks 1 line(s) / 2 line(s): "2. สำนักงานเขตดุสิต"',
      'page 2: a list breaks 2 line(s) / 1 line(s): "6. สำนักงานเขตบางซื่อ"',
    ]);
  });

  it('passes the list with two of its lines on each side of its breaks, an item wrapped under its text counting', () => {
    const wrapped = [box(1, 110, 760, 'และสำนักงานเขตดุสิต'), box(3, 110, 100, 'และสำนักงานเขตบางพลัด')];
    expect(checks.listLinesAlone([...list, ...wrapped], area)).toEqual([]);
  });

  it('throws when no numbered list item is read', () => {
    expect(() => checks.listLinesAlone([box(1, 85, 80, 'ย่อหน้า')], area)).toThrow(/found no numbered list item/);
  });
});

describe('tableRowsOutOfOrder', () => {
  const doc = {
    content: [
      { text: 'ตารางที่ 1' },
      {
        table: {
          body: [
            ['ตัวชี้วัด', 'ค่าเป้าหมาย'],
            ['1.1.1 ร้อยละของข่าว', { text: '80' }],
            ['1.1.2 จำนวนช่องทาง', { text: ['1', '2'] }],
          ],
        },
      },
    ],
  } as unknown as TDocumentDefinitions;

  it('flags a row read before the one above it, and a row whose cells are read apart', () => {
    expect(tableRowsOutOfOrder(doc, 'ตัวชี้วัด ค่าเป้าหมาย\n1.1.2 จำนวนช่องทาง 12\n1.1.1 ร้อยละของข่าว 80')).toEqual([
      '1.1.2จำนวนช่องทาง | 12',
    ]);
    expect(tableRowsOutOfOrder(doc, 'ตัวชี้วัด ค่าเป้าหมาย\n1.1.1 ร้อยละของข่าว\n1.1.2 จำนวนช่องทาง\n80 12')).toEqual([
      '1.1.1ร้อยละของข่าว | 80',
      '1.1.2จำนวนช่องทาง | 12',
    ]);
  });

  it('passes rows read in order, each cell after the one before, white space aside', () => {
    expect(tableRowsOutOfOrder(doc, 'ตัวชี้วัด\nค่าเป้าหมาย 1.1.1 ร้อยละ ของข่าว 80 1.1.2 จำนวนช่องทาง 1 2')).toEqual([]);
  });

  it('throws on a document in which no table row is found', () => {
    const none = { content: [{ text: 'ไม่มีตาราง' }] } as unknown as TDocumentDefinitions;
    expect(() => tableRowsOutOfOrder(none, 'ไม่มีตาราง')).toThrow(/found no table row/);
  });
});

describe('outOfHierarchy', () => {
  it('flags a KPI printed after a later one (the monitoring table had 1.1.1, 1.2.1, 2.1.1, 1.1.2), 1.2 after 1.10, and one printed twice', () => {
    expect(outOfHierarchy(['1.1.1', '1.2.1', '2.1.1', '1.1.2'])).toEqual(['1.1.2 after 2.1.1']);
    expect(outOfHierarchy(['1.10.1', '1.2.1'])).toEqual(['1.2.1 after 1.10.1']);
    expect(outOfHierarchy(['1.1.1', '1.1.1'])).toEqual(['1.1.1 after 1.1.1']);
  });

  it('passes numbers in hierarchical order, 1.2.1 before 1.10.1', () => {
    expect(outOfHierarchy(['1.1.1', '1.1.2', '1.2.1', '1.10.1', '2.1.1'])).toEqual([]);
  });

  it('throws when no number was found', () => {
    expect(() => outOfHierarchy([])).toThrow(/found no hierarchical number/);
  });
});
