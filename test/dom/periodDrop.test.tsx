import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Row } from '../../main/core/rows.ts';
import type { Session } from '../../main/services/session.ts';
import { PlanEditor } from '../../renderer/src/screens/PlanEditor.tsx';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { useTempDir } from '../harness/tmp.ts';
import { fakeShell, lastToast, renderWith } from './fakeApi.tsx';
import { realApi } from './realApi.tsx';

/**
 * Shortening a plan's or a project's years on screen, on main's own services and a real SQLite file (the
 * shipped sample, 2566–2570, not adopted): the targets and budgets of the years left out go in the same action,
 * the screen says which, and its Undo brings them back.
 */

const tempDir = useTempDir();
const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

async function sample() {
  const { api, session } = await realApi(tempDir());
  sessions.push(session);
  const opened = await api['plans.openSample']({});
  if (!opened.ok) throw new Error(opened.error.detail);
  const planId = opened.data.id;
  const rows = async (): Promise<Row[]> => {
    const listed = await api['rows.list']({ planId });
    if (!listed.ok) throw new Error(listed.error.detail);
    return listed.data;
  };
  return { api, planId, rows };
}

const yearsOf = (rows: readonly Row[], entity: string) =>
  [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.data.year as number))].sort();

async function retype(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.type(field, text);
  await user.tab();
}

describe('a shorter period on screen', () => {
  it('the plan editor ends the plan in 2569: the 2570 targets and budgets go, the message says so, Undo brings them back', async () => {
    const { api, planId, rows } = await sample();
    expect(yearsOf(await rows(), 'kpiTarget')).toContain(2570);
    const shell = fakeShell();
    renderWith(<PlanEditor id={planId} />, api, shell);
    const user = userEvent.setup();
    await retype(user, await screen.findByLabelText('ปีสิ้นสุด (พ.ศ.)'), '2569');
    await waitFor(() => expect(lastToast(shell).text).toMatch(/^เปลี่ยนช่วงปีแล้ว จึงลบค่าเป้าหมาย \d+ รายการ/));
    expect(lastToast(shell)).toMatchObject({ undo: true, planId });
    const after = await rows();
    expect(yearsOf(after, 'kpiTarget')).not.toContain(2570);
    expect(yearsOf(after, 'projectBudget')).not.toContain(2570);
    // The toast's Undo is the app's undo of the last action: the years and the rows come back together.
    await api['history.undo']({ planId });
    expect(yearsOf(await rows(), 'kpiTarget')).toContain(2570);
  });

  it('a project ended in 2568 in the projects step loses its later budgets, and the screen says so', async () => {
    const { api, planId, rows } = await sample();
    const project = (await rows()).find((r) => r.entity === 'project' && r.data.endYear === 2570)!;
    const budgetsBefore = (await rows()).filter((r) => r.entity === 'projectBudget' && r.parentId === project.id);
    expect(budgetsBefore.some((r) => (r.data.year as number) > 2568)).toBe(true);
    const shell = fakeShell();
    renderWith(<WizardScreen planId={planId} wizard="strategies" step={1} />, api, shell);
    const user = userEvent.setup();
    const card = (await screen.findByDisplayValue(project.data.name as string)).closest('li, section, article')!;
    await retype(user, within(card as HTMLElement).getByLabelText('ปีสิ้นสุด (พ.ศ.)'), '2568');
    await waitFor(() => expect(lastToast(shell).text).toMatch(/^เปลี่ยนช่วงปีแล้ว จึงลบงบประมาณ/));
    const left = (await rows()).filter((r) => r.entity === 'projectBudget' && r.parentId === project.id);
    expect(left.map((r) => r.data.year as number).every((year) => year <= 2568)).toBe(true);
    expect(left.length).toBeLessThan(budgetsBefore.length);
  });
});
