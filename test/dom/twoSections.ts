import type { Api } from '../../main/core/contract.ts';
import type { Row } from '../../main/core/rows.ts';
import type { Session } from '../../main/services/session.ts';
import { SECRETARIAT } from '../harness/exchange.ts';
import { call, realApi } from './realApi.tsx';

/** Two sections of two bureaus, both named as their bureaus call them: only their codes tell them apart. */
export const SAME = 'ฝ่ายประชาสัมพันธ์';

/**
 * The shipped sample at the secretariat on main's own services (realApi), adopted, with the sample's first KPI
 * assigned to section 2001 and the next `secondKpis` to section 2002, both named SAME; only 2001 has sent
 * quarter 1 of 2568 (due 15 January 2025, so 2002 is late).
 */
export async function twoSectionsOfOneName(
  dataDir: string,
  secondKpis: number,
): Promise<{ api: Api; session: Session; planId: string; kpis: Row[] }> {
  const { api, session } = await realApi(dataDir);
  await call(api['settings.set']({ office: SECRETARIAT }));
  const plan = await call(api['plans.openSample']({}));
  await call(api['rows.update']({ id: plan.id, edits: [{ field: 'adoptedOn', value: '2022-09-20' }] }));
  const rows = await call(api['rows.list']({ planId: plan.id }));
  const kpis = rows.filter((r) => r.entity === 'kpi');
  const [first, ...rest] = kpis;
  await call(
    api['exchange.setAssignments']({
      planId: plan.id,
      assignments: [
        { officeCode: '2001', officeName: SAME, factors: false, kpiIds: [first!.id], projectIds: [] },
        {
          officeCode: '2002',
          officeName: SAME,
          factors: false,
          kpiIds: rest.slice(0, secondKpis).map((k) => k.id),
          projectIds: [],
        },
      ],
    }),
  );
  await call(
    api['rows.create']({
      planId: plan.id,
      rows: [{ entity: 'kpiQuarter', parentId: first!.id, values: { year: 2568, quarter: 1, result: 80 } }],
    }),
  );
  return { api, session, planId: plan.id, kpis };
}
