import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PdfJobStatus } from '../../main/core/pdf/api.ts';
import { XlsxExportButton } from '../../renderer/src/xlsx/XlsxExportButton.tsx';
import { fakeApi, fakeShell, lastToast, ok, renderWith, samplePlan } from './fakeApi.tsx';

/**
 * The plan page's Excel button against a fake main that answers the export job's channels: the workbook is a
 * job like a PDF's, with a progress bar and Cancel while main writes it, then a message that it was saved.
 */

const JOB = '3a1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4c';

function button(progress: () => PdfJobStatus) {
  const fake = fakeApi({
    'xlsx.export': () => ok({ status: 'started' as const, jobId: JOB }),
    'pdf.progress': () => ok(progress()),
    'pdf.cancel': () => ok({}),
  });
  const shell = fakeShell();
  renderWith(<XlsxExportButton planId={samplePlan.id} />, fake.api, shell);
  return { fake, shell };
}

describe('the Excel export button', () => {
  it('follows the job with a progress bar and says where the workbook was saved', async () => {
    let calls = 0;
    const { fake, shell } = button(() =>
      ++calls < 3
        ? { state: 'running', done: 0, total: 0 }
        : { state: 'done', done: 0, total: 0, result: { status: 'saved', fileName: '/บันทึก/แผน.xlsx' } },
    );
    await userEvent.click(screen.getByRole('button', { name: 'ส่งออกตารางเป็น Excel (.xlsx)' }));
    await screen.findByRole('progressbar', { name: 'กำลังสร้างไฟล์ Excel' });
    expect((screen.getByRole('button', { name: 'ส่งออกตารางเป็น Excel (.xlsx)' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await waitFor(() => expect(lastToast(shell).text).toBe('บันทึกไฟล์ Excel /บันทึก/แผน.xlsx แล้ว'));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(fake.callsTo('xlsx.export')).toEqual([{ planId: samplePlan.id }]);
  });

  it('cancels a running export and says nothing was saved', async () => {
    let cancelled = false;
    const { fake, shell } = button(() =>
      cancelled ? { state: 'cancelled', done: 0, total: 0 } : { state: 'running', done: 0, total: 0 },
    );
    await userEvent.click(screen.getByRole('button', { name: 'ส่งออกตารางเป็น Excel (.xlsx)' }));
    await userEvent.click(await screen.findByRole('button', { name: 'ยกเลิกการสร้างไฟล์ Excel' }));
    expect(fake.callsTo('pdf.cancel')).toEqual([{ jobId: JOB }]);
    cancelled = true;
    await waitFor(() => expect(lastToast(shell).text).toBe('ยกเลิกการสร้างไฟล์ Excel แล้ว ไม่มีไฟล์ใดถูกบันทึก'));
    expect(screen.queryByRole('button', { name: 'ยกเลิกการสร้างไฟล์ Excel' })).toBeNull();
  });

  it('says in Thai that the file could not be saved when the job fails to write it', async () => {
    const { shell } = button(() => ({
      state: 'failed',
      done: 0,
      total: 0,
      error: { code: 'internal', detail: 'EBUSY', fields: { _: 'xlsx.panel.writeFailed' } },
    }));
    await userEvent.click(screen.getByRole('button', { name: 'ส่งออกตารางเป็น Excel (.xlsx)' }));
    await waitFor(() => expect(lastToast(shell)).toMatchObject({ kind: 'error' }));
    expect(lastToast(shell).text).toMatch(/^บันทึกไฟล์ Excel ไม่ได้ /);
  });
});
