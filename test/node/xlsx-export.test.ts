import { describe, expect, it } from 'vitest';
import { budgetSummary } from '../../main/core/planContent.ts';
import { planView } from '../../main/core/pdf/source.ts';
import { planBook } from '../../main/core/xlsx/planBook.ts';
import { MAX_WIDTH } from '../../main/core/xlsx/book.ts';
import { translator } from '../../main/services/locales.ts';
import { writeXlsx } from '../../main/services/xlsx/write.ts';
import { generatedRows, generatedSource, RESOURCES, sampleSource } from '../harness/pdfPlan.ts';
import { columnWidth, readXlsxParts, type StoredSheet } from '../harness/xlsxParts.ts';

/** The plan's tables as .xlsx, written by exceljs and read back by an independent reader (fflate + XML). */

const th = translator(RESOURCES, 'th');

async function exported(source = sampleSource()) {
  return readXlsxParts(await writeXlsx(planBook(source, th)));
}

const cell = (sheet: StoredSheet, ref: string) => sheet.cells.get(ref);
const column = (sheet: StoredSheet, letter: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => cell(sheet, `${letter}${from + i}`));

describe('xlsx export of the sample plan', () => {
  it('names its sheets in Thai: KPIs, projects, the evaluation and both SWOT sides', async () => {
    const { sheets } = await exported();
    expect(sheets.map((s) => s.name)).toEqual([
      'ตัวชี้วัดและค่าเป้าหมาย',
      'โครงการและงบประมาณ',
      'ประเมินผลแผนระยะก่อน',
      'ปัจจัยภายใน (จุดแข็ง จุดอ่อน)',
      'ปัจจัยภายนอก (โอกาส อุปสรรค)',
    ]);
  });

  it('lists KPIs numbered 1.1.1 in the plan order with B.E. years as headers and targets as numeric cells', async () => {
    const source = sampleSource();
    const view = planView(source);
    const [kpis] = (await exported(source)).sheets;
    const expected = view.all('kpi');
    expect(expected.length).toBeGreaterThan(3);
    expect(column(kpis!, 'A', 3, 2 + expected.length).map((c) => c?.value)).toEqual(
      expected.map((k) => view.numbers.get(k.id)),
    );
    expect(cell(kpis!, 'A3')?.value).toBe('1.1.1');
    expect(cell(kpis!, 'F1')).toMatchObject({ type: 's', value: 'ค่าเป้าหมาย ปี พ.ศ.' });
    expect(['F', 'G', 'H', 'I', 'J'].map((c) => cell(kpis!, `${c}2`)?.value)).toEqual([
      '2566',
      '2567',
      '2568',
      '2569',
      '2570',
    ]);
    expect(kpis!.merges).toContain('F1:J1');
    expected.forEach((kpi, i) => {
      view.years.forEach((year, y) => {
        const target = view.children('kpiTarget', kpi.id).find((r) => r.data.year === year)?.data.target;
        const stored = cell(kpis!, `${'FGHIJ'[y]}${3 + i}`);
        if (typeof target !== 'number') return expect(stored).toBeUndefined();
        expect(stored).toMatchObject({ type: 'n', value: String(target) });
        expect(stored!.format).toBe(
          Number.isInteger(target) ? '#,##0' : target * 10 === Math.round(target * 10) ? '#,##0.0' : '#,##0.00',
        );
      });
    });
    // Units and names are text; the baseline year is a plain number (no separator: 2565, not 2,565).
    expect(cell(kpis!, 'C3')?.type).toBe('s');
    const baselineYears = column(kpis!, 'E', 3, 2 + expected.length).filter((c) => c !== undefined);
    for (const year of baselineYears) expect(year).toMatchObject({ type: 'n', format: '0' });
  });

  it('freezes the header rows and the KPI number and name, and prints A4 landscape with the headers repeated', async () => {
    const { sheets, definedNames } = await exported();
    const [kpis, projects] = sheets;
    expect(kpis!.pane).toEqual({ xSplit: 2, ySplit: 2, state: 'frozen' });
    expect(projects!.pane).toEqual({ xSplit: 2, ySplit: 2, state: 'frozen' });
    expect(sheets[3]!.pane).toMatchObject({ ySplit: 1, state: 'frozen' });
    for (const sheet of sheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: '9', fitToWidth: '1', fitToHeight: '0' });
      expect(sheet.fitToPage).toBe(true);
    }
    expect(kpis!.pageSetup?.orientation).toBe('landscape');
    expect(sheets[3]!.pageSetup?.orientation).toBe('portrait');
    expect(definedNames).toContain("_xlnm.Print_Titles@0='ตัวชี้วัดและค่าเป้าหมาย'!$1:$2");
  });

  it('sizes columns to their Thai text: names wide up to the cap, numbers narrow, none left at the default', async () => {
    const [kpis] = (await exported()).sheets;
    const widths = Array.from({ length: 14 }, (_, i) => columnWidth(kpis!, i + 1));
    expect(widths.every((w) => w !== undefined)).toBe(true);
    expect(widths[1]).toBe(MAX_WIDTH); // KPI names are long sentences: wrapped at the cap
    for (const year of widths.slice(5, 10)) expect(year).toBeLessThan(20);
    expect(widths[0]).toBeLessThan(10); // 1.1.1
  });

  it('makes a row as tall as its most wrapped name', async () => {
    const rows = generatedRows({ issues: 1, goals: 1, kpis: 2 });
    const [long, short] = rows.filter((r) => r.entity === 'kpi');
    long!.data = {
      ...long!.data,
      name: 'ร้อยละของประชาชนที่รับรู้และเข้าใจนโยบายและผลการดำเนินงานของกรุงเทพมหานครผ่านช่องทางการสื่อสารทุกช่องทางของกรุงเทพมหานคร',
    };
    short!.data = { ...short!.data, name: 'จำนวนข่าว' };
    const [kpis] = (await exported(generatedSource(rows))).sheets;
    const shortRow = kpis!.heights.get(4)!;
    // The goal and issue beside both may wrap too: the long name takes more lines than any of those.
    expect(kpis!.heights.get(3)).toBeGreaterThan(shortRow);
    expect(shortRow).toBeGreaterThanOrEqual(20); // 16 pt Thai text on at least one line
  });

  it('totals project budgets with SUM formulas whose stored results are the plan totals', async () => {
    const source = sampleSource();
    const view = planView(source);
    const projects = (await exported(source)).sheets[1]!;
    const count = view.all('project').length;
    const sums = budgetSummary(source.rows, view.plan);
    const last = 2 + count;
    for (let r = 3; r <= last; r++) {
      const total = cell(projects, `J${r}`)!;
      expect(total.formula).toBe(`SUM(E${r}:I${r})`);
      expect(total.type).toBe('n');
      const id = view.all('project')[r - 3]!.id;
      expect(Number(total.value)).toBe(sums.byProject.get(id));
    }
    const totalRow = last + 1;
    expect(cell(projects, `B${totalRow}`)?.value).toBe('รวมทั้งสิ้น');
    expect(cell(projects, `E${totalRow}`)?.formula).toBe(`SUM(E3:E${last})`);
    expect(Number(cell(projects, `E${totalRow}`)?.value)).toBe(sums.byYear.get(2566));
    expect(cell(projects, `J${totalRow}`)).toMatchObject({ formula: `SUM(J3:J${last})`, value: String(sums.total) });
    expect(cell(projects, 'E3')).toMatchObject({ type: 'n', format: '#,##0' });
    expect(cell(projects, 'C3')?.type).toBe('s'); // responsible office
  });

  it('shows satang as two decimals and whole baht without, as the PDF prints money', async () => {
    const rows = generatedRows({ issues: 1, goals: 1, kpis: 1, strategies: 1, projects: 1 });
    const budget = rows.find((r) => r.entity === 'projectBudget')!;
    budget.data = { ...budget.data, amount: 800000.5 };
    const projects = (await exported(generatedSource(rows))).sheets[1]!;
    expect(cell(projects, 'E3')).toMatchObject({ type: 'n', value: '800000.5', format: '#,##0.00' });
    expect(cell(projects, 'F3')).toMatchObject({ type: 'n', format: '#,##0' });
    expect(cell(projects, 'J3')?.format).toBe('#,##0.00');
  });

  it('writes the evaluation in the paste columns: issue, goal, KPI, unit, direction, weight, then target and result per B.E. year', async () => {
    const evaluation = (await exported()).sheets[2]!;
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((r) => cell(evaluation, r)?.value)).toEqual([
      'ประเด็นยุทธศาสตร์',
      'เป้าประสงค์',
      'ตัวชี้วัด',
      'หน่วยนับ',
      'ทิศทางของค่า',
      'น้ำหนัก',
    ]);
    expect(['G1', 'I1', 'K1'].map((r) => cell(evaluation, r)?.value)).toEqual(['พ.ศ. 2563', 'พ.ศ. 2564', 'พ.ศ. 2565']);
    expect(['G2', 'H2'].map((r) => cell(evaluation, r)?.value)).toEqual(['เป้าหมาย', 'ผล']);
    expect(evaluation.merges).toEqual(expect.arrayContaining(['G1:H1', 'I1:J1', 'K1:L1', 'A1:A2']));
    expect(cell(evaluation, 'E3')?.value).toMatch(/^ค่า(สูง|ต่ำ)ดี$/);
    expect(cell(evaluation, 'F3')).toMatchObject({ type: 'n', format: '0.00' });
    expect(cell(evaluation, 'G3')?.type).toBe('n');
  });

  it('lists SWOT factors with Thai category names, weight × rating as a formula and each letter summed', async () => {
    const internal = (await exported()).sheets[3]!;
    expect(cell(internal, 'A2')?.value).toBe('จุดแข็ง (S)');
    expect(internal.merges).toContain('A2:F2');
    expect(cell(internal, 'A3')?.value).toBe('S1');
    const categories = [...internal.cells]
      .filter(([ref]) => ref.startsWith('C') && ref !== 'C1')
      .map(([, c]) => c.value);
    expect(categories.length).toBeGreaterThan(0);
    for (const name of categories) expect(name).toMatch(/^[\u0E00-\u0E7F ]+$/);
    expect(cell(internal, 'F3')).toMatchObject({ type: 'n', formula: 'D3*E3', format: '0.00' });
    const total = [...internal.cells].find(([, c]) => c.value === 'รวมจุดแข็ง (S)');
    expect(total).toBeDefined();
    const row = total![0].slice(1);
    expect(cell(internal, `D${row}`)?.formula).toMatch(/^SUM\(D3:D\d+\)$/);
    expect(cell(internal, `F${row}`)?.formula).toMatch(/^SUM\(F3:F\d+\)$/);
  });
});
