import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../main/core/contract.ts';
import { i18n } from '../../renderer/src/i18n.ts';
import { DbMoved } from '../../renderer/src/screens/DbMoved.tsx';
import { fakeApi, ok, openStatus, renderWith } from './fakeApi.tsx';

/** The moved-or-copied question for a copy of an office's folder whose original left `unsent` edits unsent. */
function showCopy(unsent: { ops: number; rows: number }) {
  const movedFrom = { path: '/pc1/Phaen/phaen.sqlite', host: 'district-pc1', unsent };
  const status: AppStatus = {
    ...openStatus,
    database: { state: 'open', path: '/pc2/Phaen/phaen.sqlite', officeId: 'office-1', movedFrom },
  };
  const fake = fakeApi({ 'database.confirmMove': () => ok(openStatus) });
  renderWith(<DbMoved status={status} movedFrom={movedFrom} onStatus={() => {}} />, fake.api);
  return fake;
}

describe('the moved-or-copied question', () => {
  it('says how many edits only the original computer can still send, and what each answer means for them', async () => {
    const fake = showCopy({ ops: 22, rows: 2 });
    const warning = screen.getByText(/ยังไม่ได้ส่งไปยังฝ่ายเลขานุการ 22 ครั้ง ใน 2 รายการ/);
    expect(warning.textContent).toContain('ส่งได้จากเครื่องเดิมเท่านั้น');
    expect(warning.textContent).toContain('ถ้าเลือก “เป็นสำเนา” ต้องส่งข้อมูลจากเครื่องเดิมก่อน');
    expect(warning.textContent).toContain('ถ้าเครื่องเดิมไม่ใช้งานแล้ว ให้เลือก “ย้ายมา”');

    await act(() => i18n.changeLanguage('en'));
    const english = screen.getByText(
      /Changes the original computer has not yet sent to the secretariat: 22, in 2 of the plan.s items/,
    );
    expect(english.textContent).toContain('If you choose “A copy”, send from the original computer first');
    expect(english.textContent).toContain('If the original computer is no longer used, choose “Moved”.');
    // The warning informs; both answers stay open.
    await userEvent.setup().click(screen.getByRole('button', { name: 'A copy: give this one a new installation id' }));
    expect(fake.callsTo('database.confirmMove')).toEqual([{ newIdentity: true }]);
  });

  it('adds nothing when the original has sent everything', async () => {
    showCopy({ ops: 0, rows: 0 });
    expect(screen.getByRole('heading', { name: 'ฐานข้อมูลนี้ถูกย้ายหรือคัดลอกมาจากที่อื่น' })).toBeTruthy();
    expect(screen.queryByText(/ยังไม่ได้ส่ง/)).toBeNull();
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('heading', { name: 'This database was moved or copied from elsewhere' })).toBeTruthy();
    expect(screen.queryByText(/not yet sent/)).toBeNull();
  });
});
