import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PlanFieldEdit } from '../../main/core/plan.ts';
import { PlanEditor } from '../../renderer/src/screens/PlanEditor.tsx';
import { fakeApi, ok, renderWith, samplePlan } from './fakeApi.tsx';

function editorApi() {
  let stored = { ...samplePlan };
  return fakeApi({
    'plans.get': () => ok(stored),
    'plans.update': ({ edits }) => {
      for (const edit of edits) stored = { ...stored, [edit.field]: edit.value };
      return ok({ ...stored, dropped: [] });
    },
  });
}

describe('plan editor', () => {
  it('autosaves a changed field and shows บันทึกแล้ว', async () => {
    const fake = editorApi();
    renderWith(<PlanEditor id={samplePlan.id} />, fake.api);
    const user = userEvent.setup();
    const title = await screen.findByLabelText('ชื่อแผน');
    await user.clear(title);
    await user.type(title, 'แผนใหม่');

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('บันทึกแล้ว'));
    const edits = fake.callsTo('plans.update');
    // Debounced: one save for the whole burst of typing, with the final value.
    expect(edits).toEqual([
      { id: samplePlan.id, edits: [{ field: 'title', value: 'แผนใหม่' } satisfies PlanFieldEdit] },
    ]);
  });

  it('saves at once on blur', async () => {
    const fake = editorApi();
    renderWith(<PlanEditor id={samplePlan.id} />, fake.api);
    const user = userEvent.setup();
    const end = await screen.findByLabelText('ปีสิ้นสุด (พ.ศ.)');
    await user.clear(end);
    await user.type(end, '๒๕๖๙');
    await user.tab();
    await waitFor(() =>
      expect(fake.callsTo('plans.update')).toEqual([{ id: samplePlan.id, edits: [{ field: 'endYear', value: 2569 }] }]),
    );
  });

  it('shows the message next to an invalid value and does not send it', async () => {
    const fake = editorApi();
    renderWith(<PlanEditor id={samplePlan.id} />, fake.api);
    const user = userEvent.setup();
    const title = await screen.findByLabelText('ชื่อแผน');
    await user.clear(title);
    await user.tab();

    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('กรุณากรอกข้อมูลช่องนี้')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('ยังไม่บันทึก: แก้ไขช่องที่มีข้อความแจ้งเตือนก่อน'));
    expect(fake.callsTo('plans.update')).toEqual([]);
  });

  it('moves a whole period in one save, whichever year is typed first', async () => {
    const fake = editorApi();
    renderWith(<PlanEditor id={samplePlan.id} />, fake.api);
    const user = userEvent.setup();
    const start = await screen.findByLabelText('ปีเริ่มต้น (พ.ศ.)');
    const end = screen.getByLabelText('ปีสิ้นสุด (พ.ศ.)');
    // 2572 as the start of a 2566–2570 plan is invalid on its own: nothing is sent until the end year follows.
    await user.clear(start);
    await user.type(start, '2572');
    await user.clear(end);
    await user.type(end, '2576');
    await user.tab();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('บันทึกแล้ว'));
    const calls = fake.callsTo('plans.update');
    expect(calls.at(-1)?.edits).toEqual(
      expect.arrayContaining([
        { field: 'startYear', value: 2572 },
        { field: 'endYear', value: 2576 },
      ]),
    );
    expect(calls.flatMap((c) => c.edits).filter((e) => e.field === 'startYear')).toHaveLength(1);
  });
});
