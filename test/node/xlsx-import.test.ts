import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contract } from '../../main/core/contract.ts';
import { AppError } from '../../main/core/errors.ts';
import { parseKpiPaste, pasteCreation } from '../../main/core/previousPlanPaste.ts';
import { planBook } from '../../main/core/xlsx/planBook.ts';
import { guessKpiMapping, parseKpiSheet } from '../../main/core/xlsx/kpiImport.ts';
import { guessTargetMapping, targetChanges, targetCreation } from '../../main/core/xlsx/targetImport.ts';
import { translator } from '../../main/services/locales.ts';
import { parsePlanFile, importPlanFile } from '../../main/services/planFile.ts';
import { createRows, listRows } from '../../main/services/rows.ts';
import { createPlan } from '../../main/services/plans.ts';
import { planSourceFromStore } from '../../main/services/pdf/source.ts';
import { MAX_XLSX_BYTES, MAX_XLSX_CELLS, MAX_XLSX_UNPACKED, readXlsxGrids } from '../../main/services/xlsx/read.ts';
import { writeXlsx } from '../../main/services/xlsx/write.ts';
import { RESOURCES, SAMPLE_FILE } from '../harness/pdfPlan.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';
import { officeWorkbook } from '../harness/xlsxOffice.ts';

/**
 * Importing KPI tables from .xlsx files: a previous plan's table as offices keep it (a title row, header
 * cells merged over two rows and over each year's target and result, an issue merged down its KPIs, Thai
 * digits, thousands separators, blank rows, one bad row), files that are not workbooks, and the KPI sheet
 * of an exported workbook edited and brought back.
 */

const tempDir = useTempDir();
const th = translator(RESOURCES, 'th');
const PREVIOUS = [2563, 2564, 2565];

describe('the previous plan KPI table from an .xlsx file', () => {
  it('guesses the columns from merged Thai headers: the KPI, its unit, and which years are targets and results', async () => {
    const [grid] = await readXlsxGrids(await officeWorkbook());
    const mapping = guessKpiMapping(grid!, PREVIOUS);
    expect(mapping.headerRows).toBe(3);
    expect(mapping.columns).toEqual({ issue: 0, goal: 1, kpi: 2, unit: 3, direction: null, weight: null });
    expect(mapping.years).toEqual([
      { year: 2563, target: 4, actual: 5 },
      { year: 2564, target: 6, actual: 7 },
      { year: 2565, target: 8, actual: 9 },
    ]);
  });

  it('reads Thai digits, separators, merged issue cells and formulas, skips blank rows and reports the bad row by sheet and row', async () => {
    const [grid] = await readXlsxGrids(await officeWorkbook());
    const result = parseKpiSheet(grid!, guessKpiMapping(grid!, PREVIOUS), PREVIOUS, []);
    expect(result.kpis.map((k) => [k.line, k.issue, k.name, k.direction])).toEqual([
      [4, 'การสื่อสารเชิงรุก', 'ร้อยละการรับรู้ข่าวสาร', 'higher'],
      [5, 'การสื่อสารเชิงรุก', 'จำนวนผู้ติดตามสื่อออนไลน์', 'higher'],
      [8, 'การบริการข้อมูล', 'ความพึงพอใจ', 'higher'],
    ]);
    expect(result.kpis[0]!.years[0]).toEqual({ year: 2563, target: 80, actual: 82.5 });
    expect(result.kpis[1]!.years).toEqual([
      { year: 2563, target: 1250000, actual: 1310000 },
      { year: 2564, target: 1300000, actual: 1400000 },
      { year: 2565, target: null, actual: null },
    ]);
    expect(result.kpis[2]!.years[2]).toEqual({ year: 2565, target: 85, actual: 86 });
    expect(result.problems).toEqual([
      {
        sheet: 'ผลการดำเนินงาน',
        line: 7,
        reason: 'number',
        values: { column: 'actual', year: 2563, cell: 'ประมาณ 20' },
      },
    ]);
  });

  it('judges each row by the paste rules: the same table pasted as text gives the same KPIs and reasons', async () => {
    const [grid] = await readXlsxGrids(await officeWorkbook());
    const mapping = guessKpiMapping(grid!, PREVIOUS);
    const fromSheet = parseKpiSheet(grid!, { ...mapping, defaultDirection: 'lower' }, PREVIOUS, []);
    const tsv = grid!.rows
      .slice(3)
      .filter((r) => r.some((c) => c.trim() !== ''))
      .map((r) => [r[0] || 'การสื่อสารเชิงรุก', r[1], r[2], r[3], 'ต่ำดี', '', ...r.slice(4, 10)].join('\t'))
      .join('\n');
    const pasted = parseKpiPaste(tsv, PREVIOUS, []);
    const strip = <T extends { line: number }>(list: readonly T[]) => list.map(({ line: _, ...rest }) => rest);
    expect(strip(fromSheet.kpis)).toEqual(strip(pasted.kpis));
    expect(fromSheet.problems.map((p) => [p.reason, p.values])).toEqual(
      pasted.problems.map((p) => [p.reason, p.values]),
    );
  });

  it('creates the accepted KPIs in one undoable action', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, { ...bmaDraft, prevStartYear: 2563, prevEndYear: 2565 });
    const [grid] = await readXlsxGrids(await officeWorkbook());
    const parsed = parseKpiSheet(grid!, guessKpiMapping(grid!, PREVIOUS), PREVIOUS, listRows(store, plan.id));
    const before = listRows(store, plan.id).length;
    createRows(
      store,
      plan.id,
      pasteCreation(parsed.kpis, listRows(store, plan.id), () => crypto.randomUUID()),
    );
    const rows = listRows(store, plan.id);
    expect(rows.filter((r) => r.entity === 'prevKpi')).toHaveLength(3);
    expect(rows.filter((r) => r.entity === 'prevIssue').map((r) => r.data.name)).toEqual([
      'การสื่อสารเชิงรุก',
      'การบริการข้อมูล',
    ]);
    store.oplog.undoLast();
    expect(listRows(store, plan.id)).toHaveLength(before);
    store.close();
  });

  it('takes a previous plan larger than 2,000 rows through the contract as one call and one undo', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, { ...bmaDraft, prevStartYear: 2561, prevEndYear: 2565 });
    const years = [2561, 2562, 2563, 2564, 2565];
    const kpis = Array.from({ length: 350 }, (_, i) => ({
      line: i + 2,
      issue: `ประเด็นยุทธศาสตร์ที่ ${(i % 12) + 1}`,
      goal: `เป้าประสงค์ที่ ${(i % 60) + 1}`,
      name: `ร้อยละของงานที่แล้วเสร็จ ${i + 1}`,
      unit: 'ร้อยละ',
      direction: 'higher' as const,
      weight: 1,
      years: years.map((year) => ({ year, target: 80, actual: 82.5 })),
    }));
    const before = listRows(store, plan.id).length;
    const rows = pasteCreation(kpis, listRows(store, plan.id), () => crypto.randomUUID());
    expect(rows.length).toBeGreaterThan(2000);
    const input = contract['rows.create'].input.parse({ planId: plan.id, rows });
    createRows(store, plan.id, input.rows);
    expect(listRows(store, plan.id).filter((r) => r.entity === 'prevKpi')).toHaveLength(350);
    store.oplog.undoLast();
    expect(listRows(store, plan.id)).toHaveLength(before);
    store.close();
  });

  it('refuses a file that is not a workbook, a truncated or tampered one, or a zip without a workbook, with a Thai message key', async () => {
    const good = await officeWorkbook();
    expect(await refusal(new Uint8Array(readFileSync(SAMPLE_FILE)))).toBe('xlsx.import.notXlsx');
    expect(await refusal(good.slice(0, Math.floor(good.length / 2)))).toBe('xlsx.import.notXlsx');
    expect(await refusal(new Uint8Array(0))).toBe('xlsx.import.notXlsx');
    // Tampered: bytes of the sheet's compressed data overwritten, the archive's structure intact.
    const tampered = zipSync(unzipSync(good));
    const at = findBytes(tampered, strToU8('xl/worksheets/sheet1.xml')) + 40;
    tampered.fill(0xff, at, at + 64);
    expect(await refusal(tampered)).toBe('xlsx.import.notXlsx');
    expect(await refusal(zipSync({ 'readme.txt': strToU8('สวัสดี') }))).toBe('xlsx.import.notXlsx');
    expect(th('xlsx.import.notXlsx')).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('refuses a workbook too large before exceljs loads it: over 10 MB, more cells than the limit whatever its dimension says, or unpacking past the limit', async () => {
    const huge = new Uint8Array(10_000_001);
    huge.set([0x50, 0x4b, 3, 4]);
    expect(await refusal(huge)).toBe('xlsx.import.tooLarge');
    // A cell bomb: a small file whose sheet holds more cells than the limit, with a dimension that claims A1 only.
    const parts = unzipSync(await officeWorkbook());
    const sheetXml = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const manyCells = '<row r="1">' + '<c r="A1" s="0"/>'.repeat(MAX_XLSX_CELLS + 1) + '</row>';
    const bomb = sheetXml
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1"/>')
      .replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${manyCells}</sheetData>`);
    const cellBomb = zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(bomb) });
    expect(cellBomb.length).toBeLessThan(1_000_000);
    expect(await refusal(cellBomb)).toBe('xlsx.import.tooLarge');
    // An unpacking bomb: a part that inflates past the limit from a few hundred kB.
    const padding = new Uint8Array(MAX_XLSX_UNPACKED + 1).fill(0x20);
    const unpackBomb = zipSync({ ...parts, 'docProps/padding.xml': [padding, { level: 1 }] });
    expect(unpackBomb.length).toBeLessThan(MAX_XLSX_BYTES);
    expect(await refusal(unpackBomb)).toBe('xlsx.import.tooLarge');
    expect(th('xlsx.import.tooLarge')).toMatch(/[\u0E00-\u0E7F]/);
  });
});

/** The Thai message key an .xlsx is refused with. */
async function refusal(bytes: Uint8Array): Promise<unknown> {
  try {
    await readXlsxGrids(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).fields?._;
  }
  throw new Error('accepted');
}

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}

describe('targets round trip: the KPI sheet exported, edited and imported back', () => {
  async function samplePlanStore() {
    const store = await openStore(tempDir());
    const { plan } = importPlanFile(store, parsePlanFile(readFileSync(SAMPLE_FILE, 'utf8')));
    return { store, plan };
  }

  /** Edit the exported workbook as a person would in Excel: open it, type over cells, save. */
  async function edited(bytes: Uint8Array, edits: Record<string, ExcelJS.CellValue>): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const ws = wb.worksheets[0]!;
    for (const [ref, value] of Object.entries(edits)) ws.getCell(ref).value = value;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('finds nothing to change in the file as exported', async () => {
    const { store, plan } = await samplePlanStore();
    const source = planSourceFromStore(store, RESOURCES, plan.id);
    const [grid] = await readXlsxGrids(await writeXlsx(planBook(source, th)));
    const mapping = guessTargetMapping(grid!, [2566, 2567, 2568, 2569, 2570]);
    expect(mapping.number).toBe(0);
    expect(mapping.years.map((y) => y.column)).toEqual([5, 6, 7, 8, 9]);
    const result = targetChanges(grid!, mapping, source);
    expect(result.changes).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.unchanged).toBe(source.rows.filter((r) => r.entity === 'kpi').length);
    store.close();
  });

  it('updates the edited targets by KPI number with a before → after preview, refuses rows the rules refuse, and undoes in one step', async () => {
    const { store, plan } = await samplePlanStore();
    const source = planSourceFromStore(store, RESOURCES, plan.id);
    const exported = await writeXlsx(planBook(source, th));
    const [original] = await readXlsxGrids(exported);
    const kpiRow = (number: string) => original!.rows.findIndex((r) => r[0] === number) + 1;
    const percentRow = original!.rows.findIndex((r, i) => i >= 2 && r[2] === 'ร้อยละ') + 1;
    const other = original!.rows.findIndex((r, i) => i >= 2 && i + 1 !== percentRow) + 1;
    const g = original!.rows[other - 1]![6];
    const file = await edited(exported, {
      [`G${other}`]: '๙๙๙',
      [`F${percentRow}`]: 150, // more than 100 per cent: the target's rule refuses it
      A20: '9.9.9',
      F20: 5,
    });
    const [grid] = await readXlsxGrids(file);
    const result = targetChanges(grid!, guessTargetMapping(grid!, [2566, 2567, 2568, 2569, 2570]), source);
    const number = original!.rows[other - 1]![0]!;
    expect(result.changes).toEqual([expect.objectContaining({ number, year: 2567, before: Number(g), after: 999 })]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: percentRow,
        reason: 'rule',
        values: expect.objectContaining({ year: 2566, rule: 'goals.notInUnit.percent' }),
      }),
      { sheet: 'ตัวชี้วัดและค่าเป้าหมาย', line: 20, reason: 'unknownKpi', values: { number: '9.9.9' } },
    ]);
    expect(kpiRow(number)).toBe(other);

    createRows(store, plan.id, targetCreation(result.changes));
    const target = () => listRows(store, plan.id).find((r) => r.id === `${result.changes[0]!.kpiId}:2567`)?.data.target;
    expect(target()).toBe(999);
    store.oplog.undoLast();
    expect(target()).toBe(Number(g));
    store.close();
  });
});
