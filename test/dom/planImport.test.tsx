import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../main/services/session.ts';
import { i18n } from '../../renderer/src/i18n.ts';
import { Home } from '../../renderer/src/screens/Home.tsx';
import { SAMPLE_FILE } from '../harness/pdfPlan.ts';
import { useTempDir } from '../harness/tmp.ts';
import { fakeShell, lastToast, openStatus, renderWith } from './fakeApi.tsx';
import { realApi } from './realApi.tsx';

/**
 * Home › นำเข้าไฟล์แผน refusing a plan file whose values break a rule, on main's own services and a real SQLite
 * file: the message says which row and field, the rule's own words with its values, and how many more.
 */

const tempDir = useTempDir();
const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

interface FileRow {
  id: string;
  entity: string;
  parentId: string | null;
  data: Record<string, unknown>;
}

/** The shipped sample, changed by `breakIt` and written to a file of the temporary folder. */
function brokenSample(name: string, breakIt: (rows: FileRow[]) => void): string {
  const file = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { rows: FileRow[] };
  breakIt(file.rows);
  const path = join(tempDir(), name);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

/** Imports `path` from the home screen as a browser-mode user does (the page reads the chosen file). */
async function importFromHome(path: string) {
  const { api, session } = await realApi(tempDir());
  sessions.push(session);
  const shell = fakeShell();
  const { container } = renderWith(<Home status={openStatus} />, api, shell);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: i18n.t('plans.importJson') }));
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  await user.upload(input, new File([readFileSync(path, 'utf8')], 'plan.json', { type: 'application/json' }));
  await waitFor(() => expect(shell.notify).toHaveBeenCalled());
  const plans = await api['plans.list']({});
  return { toast: lastToast(shell), plans: plans.ok ? plans.data : null, shell };
}

const budgets = (rows: FileRow[]) => rows.filter((r) => r.entity === 'projectBudget');
const nameOf = (rows: FileRow[], id: string | null) => rows.find((r) => r.id === id)!.data.name as string;

function negativeBudgets(rows: FileRow[]) {
  for (const budget of budgets(rows).slice(1, 4)) budget.data.amount = -1;
}

describe('importing a plan file whose values break a rule', () => {
  it('names the year, project and rule of a negative budget, and how many more, and imports nothing', async () => {
    let project = '';
    const path = brokenSample('negative.json', (rows) => {
      negativeBudgets(rows);
      project = nameOf(rows, budgets(rows)[1]!.parentId);
    });
    const { toast, plans, shell } = await importFromHome(path);
    expect(toast.kind).toBe('error');
    expect(toast.text).toBe(
      `ไฟล์นี้ไม่ใช่ไฟล์แผนที่ถูกต้อง: งบประมาณ (บาท) ปี 2567 ของโครงการ “${project}”: งบประมาณต้องไม่ติดลบ (และอีก 2 รายการ)`,
    );
    expect(plans).toEqual([]);
    expect(shell.navigate).not.toHaveBeenCalled();
  });

  it('names the factor and the plan’s own scale of a rating out of it', async () => {
    let factor = '';
    const path = brokenSample('rating.json', (rows) => {
      const row = rows.find((r) => r.entity === 'factor')!;
      row.data.rating = 9;
      factor = row.data.statement as string;
    });
    const { toast, plans } = await importFromHome(path);
    expect(toast.text).toBe(`ไฟล์นี้ไม่ใช่ไฟล์แผนที่ถูกต้อง: คะแนนของปัจจัย “${factor}”: คะแนนต้องอยู่ระหว่าง 1 ถึง 5`);
    expect(plans).toEqual([]);
  });

  it('says the same in English', async () => {
    await act(() => i18n.changeLanguage('en'));
    let project = '';
    const path = brokenSample('negative.json', (rows) => {
      negativeBudgets(rows);
      project = nameOf(rows, budgets(rows)[1]!.parentId);
    });
    const { toast } = await importFromHome(path);
    expect(toast.text).toBe(
      `This is not a valid plan file: Budget (baht) for 2567 of Project “${project}”: A budget cannot be negative (and 2 more)`,
    );
  });
});
