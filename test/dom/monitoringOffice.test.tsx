import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../main/core/contract.ts';
import type { Session } from '../../main/services/session.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { SECRETARIAT, office } from '../harness/exchange.ts';
import { useTempDir } from '../harness/tmp.ts';
import { renderWith } from './fakeApi.tsx';
import { call, realApi } from './realApi.tsx';

/**
 * An office's monitoring steps on main's own services and real SQLite files: the secretariat adopts the sample,
 * assigns one KPI and one project to เขตพระนคร and sends the plan; the office sees only those to report on (its
 * package carries nothing else: results typed for another office's KPI would stay at home unsent). The plan
 * package carries the secretariat's reminder to เขตพระนคร for quarter 2 of 2568, the quarter the steps show.
 */

const tempDir = useTempDir();
const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

async function officeWithAssignedPlan() {
  const secretariat = await realApi(tempDir());
  const district = await realApi(tempDir());
  sessions.push(secretariat.session, district.session);
  const api = secretariat.api;
  await call(api['settings.set']({ office: SECRETARIAT }));
  const plan = await call(api['plans.openSample']({}));
  await call(api['rows.update']({ id: plan.id, edits: [{ field: 'adoptedOn', value: '2022-09-20' }] }));
  const rows = await call(api['rows.list']({ planId: plan.id }));
  const kpi = rows.find((r) => r.entity === 'kpi')!;
  const project = rows.find((r) => r.entity === 'project')!;
  await call(
    api['exchange.setAssignments']({
      planId: plan.id,
      assignments: [
        {
          officeCode: '1001',
          officeName: 'สำนักงานเขตพระนคร',
          factors: false,
          kpiIds: [kpi.id],
          projectIds: [project.id],
        },
      ],
    }),
  );
  await call(
    api['rows.create']({
      planId: plan.id,
      rows: [
        {
          entity: 'reminder',
          values: { year: 2568, quarter: 2, officeCodes: ['1001'], message: REMINDER, sentOn: '2025-04-20' },
        },
      ],
    }),
  );
  const sent = await call(api['exchange.export']({ planId: plan.id, to: 'file' }));
  if (sent.status !== 'download') throw new Error('no download');
  await call(district.api['settings.set']({ office: office('1001', 'สำนักงานเขตพระนคร') }));
  await call(district.api['exchange.import']({ files: [{ name: sent.fileName, content: sent.content }] }));
  const kpis = rows.filter((r) => r.entity === 'kpi').length;
  const projects = rows.filter((r) => r.entity === 'project').length;
  // The steps show the period chosen last in the session: quarter 2 of 2568, whatever today is.
  sessionStorage.setItem(`phaen.monitoring.${plan.id}`, JSON.stringify({ year: 2568, quarter: 2 }));
  return { api: district.api, planId: plan.id, kpi, project, kpis, projects };
}

const REMINDER = 'ขอให้ส่งผลไตรมาส 2 ภายในสัปดาห์นี้';

/** The office's API with its exchange.status calls counted. */
function counting(api: Api): { api: Api; statusCalls(): number } {
  let calls = 0;
  const status: Api['exchange.status'] = (input) => {
    calls += 1;
    return api['exchange.status'](input);
  };
  return { api: { ...api, 'exchange.status': status }, statusCalls: () => calls };
}

/** Everything the step showed, render by render: the KPI rows listed and whether the reminder was on screen. */
function watch() {
  const seen = { rows: [] as number[], loading: false, reminder: [] as boolean[] };
  const look = () => {
    const table = document.querySelector('table.monitoring-table');
    if (table) seen.rows.push(table.querySelectorAll('tbody tr').length);
    if (screen.queryByText(/กำลังตรวจสอบการมอบหมาย/)) seen.loading = true;
    if (table) seen.reminder.push(notes().some((n) => n?.includes(REMINDER)));
  };
  const observer = new MutationObserver(look);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

/** The notes on screen as read (ThaiText lays words out in spans, joined by invisible word joiners). */
const notes = () => screen.queryAllByRole('note').map((n) => n.textContent?.replace(/[\u200b\u2060]/g, ''));

describe('an office’s monitoring steps', () => {
  it('list only the KPIs and projects assigned to it, and say so', async () => {
    const { api, planId, kpi, project, kpis, projects } = await officeWithAssignedPlan();

    const kpiStep = renderWith(<WizardScreen planId={planId} wizard="monitoring" step={1} />, api);
    await waitFor(() =>
      expect(notes()).toContain(
        `แสดงเฉพาะตัวชี้วัดที่มอบหมายให้สำนักงานเขตพระนคร (1 จาก ${kpis} ตัวชี้วัดของแผน) ตัวชี้วัดอื่นหน่วยงานอื่นเป็นผู้รายงาน`,
      ),
    );
    const kpiRows = within(document.querySelector<HTMLElement>('table.monitoring-table')!).getAllByRole('row').slice(1);
    expect(kpiRows).toHaveLength(1);
    expect(kpiRows[0]!.textContent).toContain(String(kpi.data.name));
    kpiStep.unmount();

    renderWith(<WizardScreen planId={planId} wizard="monitoring" step={2} />, api);
    await waitFor(() =>
      expect(notes()).toContain(
        `แสดงเฉพาะโครงการที่มอบหมายให้สำนักงานเขตพระนคร (1 จาก ${projects} โครงการของแผน) โครงการอื่นหน่วยงานอื่นเป็นผู้รายงาน`,
      ),
    );
    const projectRows = within(document.querySelector<HTMLElement>('table.monitoring-table')!)
      .getAllByRole('row')
      .slice(1);
    expect(projectRows.filter((r) => r.textContent?.includes(String(project.data.name)))).toHaveLength(1);
    expect(projectRows.length).toBeLessThan(projects);
  }, 60_000);

  it('wait for what is theirs before listing anything, ask for it once, and keep a reminder until results are sent', async () => {
    const { api: office, planId, kpi, project } = await officeWithAssignedPlan();
    // The project's quarter 2 is entered already; the KPI's is all the reminder still waits for.
    await call(
      office['rows.create']({
        planId,
        rows: [{ entity: 'projectQuarter', parentId: project.id, values: { year: 2568, quarter: 2, progress: 40 } }],
      }),
    );
    const { api, statusCalls } = counting(office);
    const watching = watch();
    renderWith(<WizardScreen planId={planId} wizard="monitoring" step={1} />, api);
    await waitFor(() => expect(document.querySelector('table.monitoring-table')).not.toBeNull());
    await waitFor(() => expect(notes().some((n) => n?.includes(REMINDER))).toBe(true));
    // Never the plan's seven KPIs for a moment: a loading line, then the office's one.
    expect(watching.seen.loading).toBe(true);
    expect(Math.max(...watching.seen.rows)).toBe(1);
    expect(statusCalls()).toBe(1);

    const user = userEvent.setup();
    const row = within(document.querySelector<HTMLElement>('table.monitoring-table tbody tr')!);
    const quarter2 = row.getByRole('textbox', { name: `ผลไตรมาส 2 ปีงบประมาณ พ.ศ. 2568: ${String(kpi.data.name)}` });
    const typed = '87.5';
    await user.type(quarter2, typed);
    await waitFor(() => expect(notes().some((n) => n?.includes('กรอกผลครบแล้ว ส่งแพ็กเกจให้ฝ่ายเลขานุการ'))).toBe(true));
    // Saved (the 400 ms debounce and its answer), the status is asked again: once per save, not per keystroke.
    await act(() => new Promise((r) => setTimeout(r, 1_500)));
    watching.stop();
    const stored = await call(office['rows.list']({ planId }));
    expect(stored.find((r) => r.entity === 'kpiQuarter' && r.parentId === kpi.id)?.data.result).toBe(87.5);
    expect(statusCalls()).toBeGreaterThan(1);
    expect(statusCalls()).toBeLessThan(1 + typed.length);
    // Typed but not sent, the results never count as arrived: the reminder stayed on screen throughout.
    expect(watching.seen.reminder.slice(watching.seen.reminder.indexOf(true)).every(Boolean)).toBe(true);
    expect(notes().some((n) => n?.includes(REMINDER))).toBe(true);
  }, 60_000);
});
