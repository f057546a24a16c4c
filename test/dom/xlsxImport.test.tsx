import { screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxGrids } from '../../main/services/xlsx/read.ts';
import { lastToast, ok } from './fakeApi.tsx';
import { openWizard, planFake } from './planFake.tsx';
import { officeWorkbook } from '../harness/xlsxOffice.ts';

/**
 * The column-mapping step of the previous plan's Excel import (evaluation wizard, step 3), on an office's
 * workbook read by main's own reader (services/xlsx/read.ts): columns guessed from merged headers with Thai
 * and Arabic years, re-mapped by the user, refused rows listed by sheet, row and reason, and nothing written
 * until the user confirms, then in one call.
 */

/** The office's table with the 2564 header in Arabic digits ("ปี 2564"), the others in Thai ("ปี ๒๕๖๓"). */
async function mixedDigitsWorkbook(): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await officeWorkbook()) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  book.worksheets[0]!.getCell('G2').value = 'ปี 2564';
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function importFake() {
  const fake = planFake();
  // main's reader itself, on the bytes the page sends (base64, as the browser bridge carries them).
  fake.api['xlsx.open'] = async (input) => {
    fake.calls.push({ channel: 'xlsx.open', input });
    const sheets = await readXlsxGrids(new Uint8Array(Buffer.from(input.base64 ?? '', 'base64')));
    return ok({ status: 'read' as const, fileName: input.fileName ?? '', sheets });
  };
  return fake;
}

describe('the Excel import’s column mapping', () => {
  it('guesses the columns from merged Thai and Arabic year headers, lists the refused row, re-maps and writes only on confirm', async () => {
    const fake = importFake();
    const { user, shell } = openWizard(fake, 'evaluation', 2);
    const region = await screen.findByRole('region', { name: 'นำเข้าตารางตัวชี้วัดจากไฟล์ Excel' });
    const file = new File([await mixedDigitsWorkbook()], 'ผลการดำเนินงาน.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    await user.upload(within(region).getByLabelText('นำเข้าจากไฟล์ Excel (.xlsx)'), file);
    await within(region).findByText('พร้อมเพิ่ม 3 ตัวชี้วัด', {}, { timeout: 10_000 });
    const select = (label: string) => within(region).getByLabelText(label) as HTMLSelectElement;
    const chosen = (label: string) => {
      const s = select(label);
      return s.options[s.selectedIndex]!.text;
    };
    expect(chosen('ตัวชี้วัด')).toBe('คอลัมน์ C: ตัวชี้วัด');
    expect(chosen('หน่วยนับ')).toBe('คอลัมน์ D: หน่วยนับ');
    expect(chosen('เป้าหมาย พ.ศ. 2563')).toMatch(/^คอลัมน์ E: /);
    expect(chosen('ผล พ.ศ. 2563')).toMatch(/^คอลัมน์ F: /);
    // The year written in Arabic digits is found like the ones in Thai digits.
    expect(chosen('เป้าหมาย พ.ศ. 2564')).toMatch(/^คอลัมน์ G: /);
    expect(chosen('ผล พ.ศ. 2564')).toMatch(/^คอลัมน์ H: /);
    expect(chosen('ผล พ.ศ. 2565')).toMatch(/^คอลัมน์ J: /);
    // The bad row, by sheet, row and reason; and nothing written yet.
    expect(within(region).getByText(/^ชีต “ผลการดำเนินงาน” แถวที่ 7: /)).toBeTruthy();
    expect(fake.callsTo('rows.create')).toEqual([]);

    // The user says 2565's results are not in the file: the row refused for its 2563 result stays refused,
    // and the other KPIs come without a 2565 result.
    await user.selectOptions(select('ผล พ.ศ. 2565'), '');
    expect(within(region).getByText('พร้อมเพิ่ม 3 ตัวชี้วัด')).toBeTruthy();
    expect(fake.callsTo('rows.create')).toEqual([]);

    await user.click(within(region).getByRole('button', { name: 'ยืนยันนำเข้า 3 ตัวชี้วัด' }));
    await waitFor(() => expect(fake.callsTo('rows.create')).toHaveLength(1));
    const created = fake.callsTo('rows.create')[0]!.rows;
    const kpi = created.find((r) => r.values.name === 'ร้อยละการรับรู้ข่าวสาร')!;
    const years = created.filter((r) => r.entity === 'prevKpiYear' && r.parentId === kpi.id);
    expect(years.map((y) => [y.values.year, y.values.target, y.values.actual])).toEqual([
      [2563, 80, 82.5],
      [2564, 80, 85],
      [2565, 85, null],
    ]);
    expect(lastToast(shell)).toMatchObject({ text: 'นำเข้า 3 ตัวชี้วัดจากไฟล์ Excel แล้ว', undo: true });
  });
});
