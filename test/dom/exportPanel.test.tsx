import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfJobStatus } from '../../main/core/pdf/api.ts';
import { DEFAULT_SETTINGS } from '../../main/core/settings.ts';
import { ExportPanel } from '../../renderer/src/pdf/ExportPanel.tsx';
import { testRow } from '../harness/rows.ts';
import { fakeApi, ok, renderWith, samplePlan } from './fakeApi.tsx';

/** The print panel on the plan page, against a fake main that answers the pdf channels. */

const JOB = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const issue = testRow('strategicIssue', { name: 'การสื่อสารนโยบายและผลการดำเนินงาน' });
const ROWS = [
  testRow('member', { name: 'นางวัลยา วัฒนรัตน์', role: 'chair' }),
  issue,
  testRow('goal', { name: 'ประชาชนรับรู้นโยบาย' }, { parentId: issue.id }),
];

/** jsdom has no object URLs: record what the panel offers for download. */
const downloads: Blob[] = [];
const originalClick = HTMLAnchorElement.prototype.click;
beforeEach(() => {
  downloads.length = 0;
  URL.createObjectURL = (blob: Blob) => (downloads.push(blob), 'blob:pdf');
  URL.revokeObjectURL = () => {};
});
afterEach(() => {
  HTMLAnchorElement.prototype.click = originalClick;
});

function panel(progress: () => PdfJobStatus, thaiDigits = true) {
  const fake = fakeApi({
    'rows.list': () => ok(ROWS),
    'settings.get': () => ok({ ...DEFAULT_SETTINGS, thaiDigits }),
    'pdf.start': () => ok({ status: 'started' as const, jobId: JOB }),
    'pdf.progress': () => ok(progress()),
    'pdf.cancel': () => ok({}),
  });
  // Navigation to a blob URL is not something jsdom does; the click itself is what the panel owes.
  HTMLAnchorElement.prototype.click = () => {};
  renderWith(<ExportPanel plan={samplePlan} />, fake.api);
  return fake;
}

const box = (name: RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('the print panel', () => {
  it('offers only the chapters that have data, with the Thai-digits setting as the default', async () => {
    panel(() => ({ state: 'running', done: 0, total: 0 }));
    await screen.findByRole('checkbox', { name: /บทนำ/ });
    expect(box(/บทนำ/).checked).toBe(true);
    expect(box(/สาระสำคัญของแผนยุทธศาสตร์/).checked).toBe(true);
    expect(box(/ผลการประเมินแผนระยะก่อน/).disabled).toBe(true);
    expect(screen.getAllByText('(ยังไม่มีข้อมูล จะไม่พิมพ์บทนี้)').length).toBeGreaterThan(3);
    expect(box(/ใช้เลขไทย/).checked).toBe(true);
  });

  it('says before printing how many items a reviewer would send back, with the way to the list', async () => {
    panel(() => ({ state: 'running', done: 0, total: 0 }));
    // An issue with one goal and nothing else: no vision, no KPI for the goal, no targets at all, no strategy
    // for the goal, no projects, no budgets, the issue aligned with nothing.
    const notice = await screen.findByText(/แผนยังมี 7 รายการที่ผู้ตรวจแผนจะขอให้แก้ไข/);
    expect(notice.textContent).toContain('เอกสารจะพิมพ์ตามข้อมูลที่มีอยู่ตอนนี้');
    expect(screen.getByRole('link', { name: 'ดูรายการที่ต้องแก้ไข' }).getAttribute('href')).toBe(
      `#/plan/${samplePlan.id}/review/3`,
    );
    expect((screen.getByRole('button', { name: 'สร้างไฟล์ PDF' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('starts the chosen document, shows its progress page by page, and offers the finished PDF', async () => {
    const states: PdfJobStatus[] = [
      { state: 'running', done: 0, total: 0 },
      { state: 'running', done: 3, total: 10 },
      {
        state: 'done',
        done: 10,
        total: 10,
        result: { status: 'download', fileName: 'แผน.pdf', base64: btoa('%PDF-1.7') },
      },
    ];
    const fake = panel(() => states.shift() ?? states.at(-1)!);
    const user = userEvent.setup();
    await screen.findByRole('checkbox', { name: /บทนำ/ });
    await user.click(box(/บทนำ/));
    // The lists of tables and figures are not printed unless asked for.
    expect(box(/สารบัญตาราง/).checked).toBe(false);
    await user.click(box(/สารบัญตาราง/));
    await user.click(screen.getByRole('button', { name: 'สร้างไฟล์ PDF' }));
    expect(fake.callsTo('pdf.start')).toEqual([
      { planId: samplePlan.id, kind: 'plan', thaiDigits: true, chapters: ['plan'], captionLists: true, format: 'pdf' },
    ]);
    await screen.findByText('กำลังสร้างหน้า 3 จาก 10', {}, { timeout: 3000 });
    expect(screen.getByRole('progressbar', { name: 'ความคืบหน้าการสร้าง PDF' })).toBeTruthy();
    await screen.findByText('สร้างไฟล์ PDF แล้ว: แผน.pdf (ดูในโฟลเดอร์ดาวน์โหลด)', {}, { timeout: 3000 });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.type).toBe('application/pdf');
    expect(await downloads[0]!.text()).toBe('%PDF-1.7');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('exports the same document as a Word file when Word is chosen, and offers the .docx', async () => {
    const fake = panel(() => ({
      state: 'done',
      done: 0,
      total: 0,
      result: { status: 'download', fileName: 'แผน.docx', base64: btoa('PK') },
    }));
    const user = userEvent.setup();
    await screen.findByRole('checkbox', { name: /บทนำ/ });
    await user.click(screen.getByRole('radio', { name: /Word \(\.docx\)/ }));
    await user.click(screen.getByRole('button', { name: 'สร้างไฟล์ Word' }));
    expect(fake.callsTo('pdf.start')[0]).toMatchObject({ kind: 'plan', format: 'docx' });
    await screen.findByText('สร้างไฟล์ Word แล้ว: แผน.docx (ดูในโฟลเดอร์ดาวน์โหลด)', {}, { timeout: 3000 });
    expect(downloads[0]!.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('cancels a running export and says nothing was saved', async () => {
    let cancelled = false;
    const fake = panel(() =>
      cancelled ? { state: 'cancelled', done: 2, total: 10 } : { state: 'running', done: 2, total: 10 },
    );
    const user = userEvent.setup();
    await screen.findByRole('checkbox', { name: /บทนำ/ });
    await user.click(screen.getByRole('radio', { name: /สรุปแผน 1 หน้า/ }));
    expect(screen.queryByRole('checkbox', { name: /บทนำ/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'สร้างไฟล์ PDF' }));
    await user.click(await screen.findByRole('button', { name: 'ยกเลิก' }));
    await waitFor(() => expect(fake.callsTo('pdf.cancel')).toEqual([{ jobId: JOB }]));
    cancelled = true;
    await screen.findByText('ยกเลิกการสร้างเอกสารแล้ว ไม่มีไฟล์ใดถูกบันทึก', {}, { timeout: 3000 });
    expect(fake.callsTo('pdf.start')[0]).toMatchObject({ kind: 'summary' });
    expect(downloads).toHaveLength(0);
  });

  it('says in Thai that nothing was written when the export fails', async () => {
    panel(() => ({ state: 'failed', done: 0, total: 0, error: { code: 'internal', detail: 'font missing' } }), false);
    const user = userEvent.setup();
    await screen.findByRole('checkbox', { name: /บทนำ/ });
    expect(box(/ใช้เลขไทย/).checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'สร้างไฟล์ PDF' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toBe('สร้างไฟล์ PDF ไม่สำเร็จ ไม่มีไฟล์ใดถูกบันทึกหรือเปลี่ยนแปลง กรุณาลองอีกครั้ง');
  });

  it('says what to do when the file could not be saved (open in another program)', async () => {
    const error = { code: 'internal' as const, detail: 'EBUSY', fields: { _: 'pdf.panel.writeFailed' } };
    panel(() => ({ state: 'failed', done: 0, total: 0, error }), false);
    const user = userEvent.setup();
    await screen.findByRole('checkbox', { name: /บทนำ/ });
    await user.click(screen.getByRole('button', { name: 'สร้างไฟล์ PDF' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toMatch(/^บันทึกไฟล์ PDF ไม่ได้ ไฟล์เดิมอาจเปิดอยู่ในโปรแกรมอื่น/);
  });
});
