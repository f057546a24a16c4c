import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../main/services/session.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { SECRETARIAT, office } from '../harness/exchange.ts';
import { useTempDir } from '../harness/tmp.ts';
import { renderWith } from './fakeApi.tsx';
import { realApi } from './realApi.tsx';

/**
 * An office's monitoring steps on main's own services and real SQLite files: the secretariat adopts the sample,
 * assigns one KPI and one project to เขตพระนคร and sends the plan; the office sees only those to report on (its
 * package carries nothing else: results typed for another office's KPI would stay at home unsent).
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
  const call = async <T,>(result: Promise<{ ok: true; data: T } | { ok: false; error: { detail: string } }>) => {
    const r = await result;
    if (!r.ok) throw new Error(r.error.detail);
    return r.data;
  };
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
  const sent = await call(api['exchange.export']({ planId: plan.id, to: 'file' }));
  if (sent.status !== 'download') throw new Error('no download');
  await call(district.api['settings.set']({ office: office('1001', 'สำนักงานเขตพระนคร') }));
  await call(district.api['exchange.import']({ files: [{ name: sent.fileName, content: sent.content }] }));
  const kpis = rows.filter((r) => r.entity === 'kpi').length;
  const projects = rows.filter((r) => r.entity === 'project').length;
  return { api: district.api, planId: plan.id, kpi, project, kpis, projects };
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
});
