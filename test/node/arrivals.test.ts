import { describe, expect, it } from 'vitest';
import { officeQuarters, openReminders, type ReportingOffice } from '../../main/core/arrivals.ts';
import { monitoringRows } from '../../main/core/monitoringPlan.ts';
import type { Row } from '../../main/core/rows.ts';
import { getPlanExchange, savePlanExchange } from '../../main/services/exchange/state.ts';
import { exchangeStatus } from '../../main/services/exchange/views.ts';
import { createPlan } from '../../main/services/plans.ts';
import { createRows, listRows } from '../../main/services/rows.ts';
import { SECRETARIAT, exportText, importTexts, office, openReplica } from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

/** Offices' reporting per fiscal quarter (core/arrivals.ts), on worked examples. */

const tempDir = useTempDir();
const PLAN = '6b1d3f0e-8a51-4d8c-9a43-0d5f2b9f7c11';
let position = 0;
function row(entity: Row['entity'], id: string, parentId: string | null, data: Record<string, unknown> = {}): Row {
  position += 1;
  return {
    id,
    entity,
    planId: PLAN,
    parentId,
    position: String(position).padStart(4, '0'),
    data,
    createdBy: 'office',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}
const kpiQuarter = (kpi: string, year: number, quarter: number, data: Record<string, unknown>) =>
  row('kpiQuarter', `${kpi}:${year}:q${quarter}`, kpi, { year, quarter, result: null, status: null, ...data });

/** พระนคร answers for two KPIs and a project, ดุสิต for one KPI, บางรัก for one KPI, ลาดกระบัง for nothing. */
const offices: ReportingOffice[] = [
  { officeCode: '1001', officeName: 'สำนักงานเขตพระนคร', kpiIds: ['k1', 'k2'], projectIds: ['p1'] },
  { officeCode: '1002', officeName: 'สำนักงานเขตดุสิต', kpiIds: ['k3'], projectIds: [] },
  { officeCode: '1004', officeName: 'สำนักงานเขตบางรัก', kpiIds: ['k4', 'gone'], projectIds: [] },
  { officeCode: '1011', officeName: 'สำนักงานเขตลาดกระบัง', kpiIds: [], projectIds: [] },
];
/** In the plan's tree (issue, goal, strategy), as the report numbers them: 'gone' is not. */
const plan = [
  row('strategicIssue', 'i1', null),
  row('goal', 'g1', 'i1'),
  row('strategy', 's1', 'g1'),
  row('kpi', 'k1', 'g1'),
  row('kpi', 'k2', 'g1'),
  row('kpi', 'k3', 'g1'),
  row('kpi', 'k4', 'g1'),
  row('project', 'p1', 's1'),
];
const Q1_2568 = { fiscalYear: 2568, quarter: 1 } as const;

describe('offices’ reporting per quarter', () => {
  it('dues ไตรมาส 1 of fiscal 2568 (Oct–Dec 2024) on 15 January 2025 by default, and on the plan’s own day count', () => {
    const [first] = officeQuarters(offices, plan, Q1_2568, '2025-01-10', 15);
    expect(first!.due).toBe('2025-01-15');
    expect(officeQuarters(offices, plan, { fiscalYear: 2568, quarter: 2 }, '2025-01-10', 30)[0]!.due).toBe(
      '2025-04-30',
    );
  });

  it('says who has sent everything, who is still within time, who is late and who has nothing to send', () => {
    const rows = [
      ...plan,
      kpiQuarter('k1', 2568, 1, { result: 12 }),
      kpiQuarter('k2', 2568, 1, { status: 'cancelled' }), // a status explains a missing figure
      row('projectQuarter', 'p1:2568:q1', 'p1', { year: 2568, quarter: 1, disbursed: 250000 }),
      kpiQuarter('k3', 2568, 1, { narrative: 'อยู่ระหว่างรวบรวมข้อมูล' }), // words alone are not a result
      kpiQuarter('k4', 2568, 2, { result: 3 }), // another quarter
    ];
    const onTime = officeQuarters(offices, rows, Q1_2568, '2025-01-15', 15);
    expect(onTime.map((o) => [o.officeCode, o.state, o.arrived, o.expected, o.missing])).toEqual([
      ['1001', 'complete', 3, 3, []],
      ['1002', 'pending', 0, 1, ['k3']],
      // A KPI no longer in the plan is not asked for.
      ['1004', 'pending', 0, 1, ['k4']],
      ['1011', 'unassigned', 0, 0, []],
    ]);
    const dayAfter = officeQuarters(offices, rows, Q1_2568, '2025-01-16', 15);
    expect(dayAfter.map((o) => o.state)).toEqual(['complete', 'late', 'late', 'unassigned']);
    // The dashboard's and the report's index of the rows (monitoringRows) says the same.
    expect(officeQuarters(offices, monitoringRows(rows), Q1_2568, '2025-01-16', 15)).toEqual(dayAfter);
  });

  it('does not ask for a KPI left outside the plan’s tree (its goal gone), as the report does not count it', () => {
    const rows = [...plan, row('kpi', 'stray', 'deleted-goal'), kpiQuarter('k3', 2568, 1, { result: 5 })];
    const dusit = { ...offices[1]!, kpiIds: ['k3', 'stray'] };
    expect(officeQuarters([dusit], rows, Q1_2568, '2025-01-20', 15)[0]).toMatchObject({
      state: 'complete',
      expected: 1,
      missing: [],
    });
  });

  it('counts a quarter of the other calendar year by its fiscal year: ไตรมาส 4 of 2568 is July–September 2025', () => {
    const rows = [...plan, kpiQuarter('k3', 2568, 4, { result: 80 })];
    const q4 = officeQuarters(offices, rows, { fiscalYear: 2568, quarter: 4 }, '2025-10-20', 15);
    expect(q4[1]).toMatchObject({ due: '2025-10-15', state: 'complete' });
    expect(q4[0]).toMatchObject({ state: 'late', missing: ['k1', 'k2', 'p1'] });
  });
});

describe('reminders', () => {
  const reminder = (id: string, codes: string[], quarter: number, sentOn: string) =>
    row('reminder', id, null, { year: 2568, quarter, officeCodes: codes, message: 'กรุณาส่งผลการดำเนินงาน', sentOn });

  it('shows an office the reminders addressed to it until that quarter’s results have reached the secretariat, newest first', () => {
    const reminders = [
      reminder('r1', ['1001', '1002'], 1, '2025-01-20'),
      reminder('r2', ['1002'], 2, '2025-04-20'),
      reminder('r3', ['1004'], 1, '2025-01-20'),
    ];
    const dusit = offices[1]!;
    const shown = (rows: readonly Row[], unconfirmed: readonly string[] = []) =>
      openReminders(reminders, dusit, rows, new Set(unconfirmed)).map((o) => [o.reminder.id, o.entered]);
    expect(shown(plan)).toEqual([
      ['r2', false],
      ['r1', false],
    ]);
    const enteredQ1 = [...plan, kpiQuarter('k3', 2568, 1, { result: 40 })];
    // Typed in but not yet confirmed by the secretariat: the reminder stays, saying it waits to be sent.
    expect(shown(enteredQ1, ['k3:2568:q1'])).toEqual([
      ['r2', false],
      ['r1', true],
    ]);
    expect(shown(enteredQ1)).toEqual([['r2', false]]);
    // An office with nothing assigned has nothing to send.
    expect(openReminders([reminder('r4', ['1011'], 1, '2025-01-20')], offices[3]!, plan, new Set())).toEqual([]);
  });
});

describe('a reminder travels in the plan package', () => {
  it('reaches the office it names, which sees it until the secretariat confirms that quarter arrived', async () => {
    const secretariat = await openReplica(tempDir(), SECRETARIAT);
    const planId = createPlan(secretariat, bmaDraft).id;
    const [issue] = createRows(secretariat, planId, [{ entity: 'strategicIssue', values: { name: 'การสื่อสาร' } }]);
    const [goal] = createRows(secretariat, planId, [{ entity: 'goal', parentId: issue!.id, values: { name: 'รับรู้' } }]);
    const [kpi] = createRows(secretariat, planId, [
      { entity: 'kpi', parentId: goal!.id, values: { name: 'จำนวนเวทีชุมชน', unit: 'ครั้ง' } },
    ]);
    const assignment = {
      officeCode: '1002',
      officeName: 'สำนักงานเขตดุสิต',
      factors: true,
      kpiIds: [kpi!.id],
      projectIds: [],
    };
    savePlanExchange(secretariat.db, { ...getPlanExchange(secretariat.db, planId), assignments: [assignment] });
    createRows(secretariat, planId, [
      {
        entity: 'reminder',
        values: { year: 2568, quarter: 1, officeCodes: ['1002'], message: 'กรุณาส่งผลไตรมาส 1', sentOn: '2025-01-20' },
      },
    ]);
    const dusit = await openReplica(tempDir(), office('1002', 'สำนักงานเขตดุสิต'));
    importTexts(dusit, [exportText(secretariat, planId)]);
    // What the office's monitoring steps show: its rows, less those the secretariat has not confirmed.
    const open = () =>
      openReminders(
        listRows(dusit, planId),
        assignment,
        listRows(dusit, planId),
        new Set(exchangeStatus(dusit, planId).unconfirmedRowIds),
      ).map(({ reminder, entered }) => [reminder.data.message, entered]);
    expect(open()).toEqual([['กรุณาส่งผลไตรมาส 1', false]]);
    createRows(dusit, planId, [
      { entity: 'kpiQuarter', parentId: kpi!.id, values: { year: 2568, quarter: 1, result: 3 } },
    ]);
    expect(open()).toEqual([['กรุณาส่งผลไตรมาส 1', true]]);
    // Sent, but not yet known to have arrived: still there.
    const contribution = exportText(dusit, planId);
    expect(open()).toEqual([['กรุณาส่งผลไตรมาส 1', true]]);
    // The office's package brings the quarter; the reminder, the secretariat's, stays out of it.
    importTexts(secretariat, [contribution]);
    const [standing] = officeQuarters(
      [assignment],
      listRows(secretariat, planId),
      { fiscalYear: 2568, quarter: 1 },
      '2025-02-01',
      15,
    );
    expect(standing!.state).toBe('complete');
    // The secretariat's next plan package confirms what arrived, and the reminder goes.
    importTexts(dusit, [exportText(secretariat, planId)]);
    expect(open()).toEqual([]);
    secretariat.close();
    dusit.close();
  });
});
