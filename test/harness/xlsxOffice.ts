import ExcelJS from 'exceljs';

/**
 * A previous plan's KPI table as an office keeps it in Excel: a caption merged across the table, header cells
 * merged over two rows and over each year's target and result, an issue merged down its KPIs, Thai digits,
 * thousands separators, a formula, blank rows, and one bad row (row 7: a result "ประมาณ 20"). Three KPIs are
 * good: rows 4, 5 and 8.
 */
export async function officeWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ผลการดำเนินงาน');
  ws.addRow(['ตารางที่ ๑ ผลการดำเนินงานตามตัวชี้วัด แผนยุทธศาสตร์ พ.ศ. ๒๕๖๓–๒๕๖๕']);
  ws.mergeCells('A1:J1');
  ws.addRow(['ประเด็นยุทธศาสตร์', 'เป้าประสงค์', 'ตัวชี้วัด', 'หน่วยนับ', 'ปี ๒๕๖๓', '', 'ปี ๒๕๖๔', '', 'ปี ๒๕๖๕', '']);
  ws.addRow(['', '', '', '', 'เป้าหมาย', 'ผล', 'เป้าหมาย', 'ผล', 'เป้าหมาย', 'ผล']);
  for (const range of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:F2', 'G2:H2', 'I2:J2']) ws.mergeCells(range);
  ws.addRow(['การสื่อสารเชิงรุก', 'ประชาชนรับรู้ข่าวสาร', 'ร้อยละการรับรู้ข่าวสาร', 'ร้อยละ', '๘๐', '๘๒.๕', 80, 85, 85, 90]);
  ws.addRow([
    '',
    'ประชาชนรับรู้ข่าวสาร',
    'จำนวนผู้ติดตามสื่อออนไลน์',
    'คน',
    '1,250,000',
    '1,310,000',
    1300000,
    '๑,๔๐๐,๐๐๐',
    '',
    '',
  ]);
  ws.mergeCells('A4:A5');
  ws.addRow([]);
  ws.addRow(['การบริการข้อมูล', 'บริการรวดเร็ว', 'ระยะเวลาตอบคำถาม', 'ชั่วโมง', 24, 'ประมาณ 20', 24, 18, 24, 16]);
  ws.addRow([
    'การบริการข้อมูล',
    'บริการรวดเร็ว',
    'ความพึงพอใจ',
    'ร้อยละ',
    80,
    81,
    80,
    83,
    85,
    { formula: 'I8+1', result: 86 },
  ]);
  ws.addRow(['', '', '', '', '', '', '', '', '', '']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
