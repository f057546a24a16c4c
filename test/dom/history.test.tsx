import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../main/core/contract.ts';
import type { Result } from '../../main/core/errors.ts';
import type { ActorOffice } from '../../main/core/exchange/api.ts';
import type { RowHistoryEntry } from '../../main/core/rowHistory.ts';
import { ROW_ENTITIES } from '../../main/core/rows.ts';
import { shownValue } from '../../renderer/src/format.ts';
import { i18n } from '../../renderer/src/i18n.ts';
import { localeResources } from '../../renderer/src/locales.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { ok, renderWith, samplePlan } from './fakeApi.tsx';
import { planFake, row } from './planFake.tsx';

const ISSUE = 'การพัฒนาระบบการสื่อสารเชิงรุก';
const LONG = 'ประชาชนได้รับข้อมูลข่าวสารของกรุงเทพมหานครอย่างทั่วถึง รวดเร็ว ถูกต้อง และเชื่อถือได้';

const entry = (
  group: string,
  at: string,
  field: string,
  value: unknown,
  previous: RowHistoryEntry['previous'],
  actor = 'office-1',
): RowHistoryEntry => ({ group, at, actor, undo: false, field, value, previous });

const OTHER = '7c1d2e3f-0000-4000-8000-000000000001';

/** As main returns it, newest first: created empty, renamed, renamed again at length by another office, moved. */
const HISTORY: RowHistoryEntry[] = [
  entry('g4', '2026-11-28T03:00:00.000Z', 'position', 'a5', { value: 'a0' }),
  entry('g3', '2026-11-27T09:00:00.000Z', 'name', LONG, { value: ISSUE }, OTHER),
  entry('g2', '2026-11-27T08:30:00.000Z', 'name', ISSUE, { value: '' }),
  entry('g1', '2026-11-27T08:00:00.000Z', 'deleted', false, { value: true }),
  entry('g1', '2026-11-27T08:00:00.000Z', 'name', '', null),
  entry('g1', '2026-11-27T08:00:00.000Z', 'position', 'a0', null),
  entry('g1', '2026-11-27T08:00:00.000Z', 'parentId', null, null),
  entry('g1', '2026-11-27T08:00:00.000Z', 'planId', samplePlan.id, null),
];

function openGoals(history: Result<RowHistoryEntry[]>, offices: Result<ActorOffice[]> = ok([])) {
  const issue = { ...row('strategicIssue', { name: ISSUE }, null, 'issue-1'), createdBy: OTHER };
  const fake = planFake([issue]);
  const api: Api = { ...fake.api, 'rows.history': async () => history, 'exchange.offices': async () => offices };
  renderWith(<WizardScreen planId={samplePlan.id} wizard="goals" step={0} />, api);
}

describe('history of a row', () => {
  afterEach(async () => {
    await act(() => i18n.changeLanguage('th'));
  });

  it('opens from the row, lists actions newest first in Thai with B.E. dates and offices, and closes with Esc', async () => {
    openGoals(ok(HISTORY));
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'ประวัติการแก้ไขของ ประเด็นยุทธศาสตร์ที่ 1' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'ประวัติการแก้ไข: ประเด็นยุทธศาสตร์ที่ 1' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const close = within(dialog).getByRole('button', { name: 'ปิด' });
    expect(document.activeElement).toBe(close);

    const list = await within(dialog).findByRole('list', { name: 'การแก้ไข ล่าสุดอยู่บนสุด' });
    const actions = [...list.children].map((li) => li.textContent);
    expect(actions).toHaveLength(4);
    expect(actions[0]).toMatch(/^เปลี่ยนลำดับ 28 พ\.ย\. 2569 .* โดยหน่วยงานนี้$/);
    // Another office is named by its id; a long change shows before and after on lines of their own.
    expect(actions[1]).toMatch(/^แก้ไข 27 พ\.ย\. 2569 .* โดย7c1d2e3f/);
    expect(actions[1]).toContain(`ชื่อ:เดิม: ${ISSUE}ใหม่: ${LONG}`);
    expect(actions[2]).toContain(`ชื่อ: (ว่าง) → ${ISSUE}`);
    // The creation of an empty row is one line: defaults and structure fields are not listed.
    expect(actions[3]).toMatch(/^เพิ่มรายการ 27 พ\.ย\. 2569 [^·]* โดยหน่วยงานนี้$/);

    // Tab stays inside: the list (scrollable from the keyboard) and Close.
    await user.tab();
    expect(document.activeElement).toBe(list);
    await user.tab();
    expect(document.activeElement).toBe(close);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('dates every action in English with the B.E. year as the English screens write it', async () => {
    await act(() => i18n.changeLanguage('en'));
    openGoals(ok(HISTORY));
    await userEvent.setup().click(await screen.findByRole('button', { name: /^History of / }));
    const list = await within(await screen.findByRole('dialog')).findByRole('list', { name: 'Changes, newest first' });
    const actions = [...list.children].map((li) => li.textContent);
    expect(actions[0]).toMatch(/^Reordered 28 Nov B\.E\. 2569, \d\d:\d\d by /);
    expect(actions[3]).toMatch(/^Added 27 Nov B\.E\. 2569, \d\d:\d\d by /);
  });

  it('shows a day the plan was adopted, a revision took effect or a reminder went as a day in the language shown', () => {
    for (const field of ['date', 'adoptedOn', 'revisedOn', 'sentOn']) {
      expect(shownValue(i18n.getFixedT('th'), 'th', field, '2025-01-15')).toBe('15 ม.ค. 2568');
      expect(shownValue(i18n.getFixedT('en'), 'en', field, '2025-01-15')).toBe('15 Jan B.E. 2568');
    }
    // A text that only looks like a day stays as typed.
    expect(shownValue(i18n.getFixedT('en'), 'en', 'name', '2022-09-20')).toBe('2022-09-20');
  });

  it('names the other office from its exchange packages, in "entered by" and in the history', async () => {
    openGoals(ok(HISTORY), ok([{ actor: OTHER, code: '1001', name: 'สำนักงานเขตพระนคร', role: 'contributor' }]));
    await screen.findByText('บันทึกโดย สำนักงานเขตพระนคร');
    await userEvent.setup().click(await screen.findByRole('button', { name: /ประวัติการแก้ไขของ/ }));
    const list = await within(await screen.findByRole('dialog')).findByRole('list', { name: 'การแก้ไข ล่าสุดอยู่บนสุด' });
    expect(list.children[1]!.textContent).toMatch(/ โดยสำนักงานเขตพระนคร/);
  });

  it('says why when the history cannot be read', async () => {
    openGoals({ ok: false, error: { code: 'not-found', detail: 'row issue-1' } });
    await userEvent.setup().click(await screen.findByRole('button', { name: /ประวัติการแก้ไขของ/ }));
    const alert = await within(await screen.findByRole('dialog')).findByRole('alert');
    expect(alert.textContent).toMatch(/^โหลดประวัติไม่ได้: /);
  });

  it('names every field of every kind of row in Thai and in English', () => {
    const fields = new Set(Object.values(ROW_ENTITIES).flatMap((e) => Object.keys(e.fields)));
    for (const language of ['th', 'en'] as const) {
      const labels = (localeResources(language).history as { field: Record<string, string> }).field;
      expect([...fields].filter((f) => !labels[f])).toEqual([]);
    }
  });
});
