import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../main/services/session.ts';
import { i18n } from '../../renderer/src/i18n.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { useTempDir } from '../harness/tmp.ts';
import { renderWith } from './fakeApi.tsx';
import { SAME, twoSectionsOfOneName } from './twoSections.ts';

/**
 * The offices' reporting step (the monitoring wizard's fourth) on main's own services and a real SQLite file:
 * the sample plan, adopted, with two sections of the same name assigned, one of which has sent quarter 1 of
 * 2568 and one not (it was due on 15 January 2025, so it is late).
 */

const tempDir = useTempDir();
const sessions: Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) session.close();
  await act(() => i18n.changeLanguage('th'));
});

async function twoSections() {
  const { api, session, planId, kpis } = await twoSectionsOfOneName(tempDir(), 1);
  sessions.push(session);
  renderWith(<WizardScreen planId={planId} wizard="monitoring" step={3} />, api);
  const user = userEvent.setup();
  await user.selectOptions(await screen.findByLabelText('ปีงบประมาณ', { exact: true }), '2568');
  await user.selectOptions(screen.getByLabelText('ไตรมาส', { exact: true }), '1');
  return { user, secondKpi: String(kpis[1]!.data.name) };
}

describe('the offices’ reporting step', () => {
  it('names a late office by name and code followed by its state after a dash, in what it owes, in whom to remind and in the reminders sent', async () => {
    const { user, secondKpi } = await twoSections();
    // What it owes: "name (code) — state: what", not "name (code) (state)".
    const owes = await screen.findByRole('region', { name: 'รายการที่ยังไม่ได้รับผลของไตรมาสที่เลือก' });
    const owed = within(owes).getAllByRole('listitem');
    expect(owed).toHaveLength(1);
    expect(owed[0]!.textContent).toMatch(new RegExp(`^${SAME} \\(2002\\) — ล่าช้า: ตัวชี้วัด [\\d.]+ ${secondKpi}$`));
    const remind = screen.getByRole('region', { name: 'แจ้งเตือนหน่วยงาน' });
    const box = within(remind).getByRole('checkbox', { name: `${SAME} (2002) — ล่าช้า` });
    expect((box as HTMLInputElement).checked).toBe(true);
    await user.click(within(remind).getByRole('button', { name: 'เพิ่มการแจ้งเตือน' }));
    // The reminder sent names the office as the plan does, with its code: two sections share the name.
    await waitFor(() =>
      expect(within(remind).getByRole('listitem').textContent).toMatch(
        new RegExp(`^\\S+ \\S+ \\S+ ถึง ${SAME} \\(2002\\): ขอให้ส่งผลการดำเนินงานไตรมาส 1`),
      ),
    );
    // The same in English.
    await act(() => i18n.changeLanguage('en'));
    const owesEn = await screen.findByRole('region', { name: 'Still missing for the chosen quarter' });
    expect(within(owesEn).getByRole('listitem').textContent).toMatch(new RegExp(`^${SAME} \\(2002\\) — Late: KPI`));
    const remindEn = screen.getByRole('region', { name: 'Remind offices' });
    expect(
      (within(remindEn).getByRole('checkbox', { name: `${SAME} (2002) — Late` }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(within(remindEn).getByRole('listitem').textContent).toMatch(new RegExp(` to ${SAME} \\(2002\\): `));
  }, 60_000);

  it('says the days due and the reminders sent in the language shown, B.E. in both, the offices reminded joined as the language joins a list', async () => {
    const { user } = await twoSections();
    // Quarter 2 of 2568 was due on 15 April 2025: both sections are late, both are picked to be reminded.
    await user.selectOptions(screen.getByLabelText('ไตรมาส', { exact: true }), '2');
    const table = await screen.findByRole('table', { name: /ปีงบประมาณ พ\.ศ\. 2568/ });
    const heads = () =>
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
    expect(heads()).toContain('ไตรมาส 1 (ต.ค.–ธ.ค.)ครบกำหนด 15 มกราคม 2568');
    const remind = screen.getByRole('region', { name: 'แจ้งเตือนหน่วยงาน' });
    await user.click(within(remind).getByRole('button', { name: 'เพิ่มการแจ้งเตือน' }));
    const both = `${SAME} \\(2001\\)และ${SAME} \\(2002\\)`;
    await waitFor(() =>
      expect(within(remind).getByRole('listitem').textContent).toMatch(
        new RegExp(`^\\d{1,2} [ก-๛]+ 25\\d\\d ถึง ${both}: ขอให้ส่งผลการดำเนินงานไตรมาส 2`),
      ),
    );
    await act(() => i18n.changeLanguage('en'));
    expect(heads()).toContain('Quarter 2 (Jan–Mar)due 15 April B.E. 2568');
    const remindEn = screen.getByRole('region', { name: 'Remind offices' });
    expect(within(remindEn).getByRole('listitem').textContent).toMatch(
      new RegExp(`^\\d{1,2} [A-Z][a-z]+ B\\.E\\. 25\\d\\d to ${SAME} \\(2001\\) and ${SAME} \\(2002\\): `),
    );
  }, 60_000);
});
