import { readFileSync } from 'node:fs';
import type { PlanSource } from '../../main/core/pdf/source.ts';
import { parsePlanFile } from '../../main/services/planFile.ts';
import { planSourceFromFile } from '../../main/services/pdf/source.ts';
import { RESOURCES, SAMPLE_FILE } from './pdfPlan.ts';

/**
 * The shipped sample plan after adoption, with what offices reported: fiscal year 2567 in full and quarters 1–2
 * of 2568 for every KPI and project, figures drawn from each KPI's own target so that the lights differ, and
 * a narrative for some quarters. As a plan file's text (the command line reads it) and as a document's source.
 */

interface FileRow {
  id: string;
  entity: string;
  parentId: string | null;
  position: string;
  data: Record<string, unknown>;
}

/** What each KPI reports, as a share of its year's target, by its place in the plan (0-based) and quarter. */
export const KPI_SHARES: readonly (readonly number[])[] = [
  [0.9, 0.95, 1, 1.02], // a rate at the quarter's end (ร้อยละ): the whole target from quarter 1
  // 1.1.2, followers: a stock counted at each quarter's end (ค่า ณ สิ้นไตรมาส in the sample), short of the year's
  // target all year. Counted as a running total it would be judged against a quarter of the target and look green.
  [0.95, 0.96, 0.97, 0.98],
  [1, 1, 1, 1],
  [0.1, 0.2, 0.3, 0.4],
  [0.3, 0.5, 0.8, 1.1],
  [0.25, 0.5, 0.75, 1],
  [0.5, 0.6, 0.7, 0.8],
];
export const STATUSES = ['on-track', 'delayed', 'achieved', 'at-risk', 'on-track', 'on-track', 'at-risk'] as const;

export const NARRATIVE_Q2 = 'งบประมาณจัดจ้างผลิตสื่อได้รับอนุมัติล่าช้า จึงเร่งเผยแพร่ผ่านสื่อสังคมออนไลน์ของสำนักงานเขตแทน';
export const NOTE_Q2 = 'การจัดซื้อจัดจ้างล่าช้าเนื่องจากผู้เสนอราคาไม่ครบตามเงื่อนไข ได้ประกาศใหม่แล้ว';

export interface MonitoredOptions {
  readonly adopted?: boolean;
  /** KPI quarters left unreported, by the KPI's place in the plan (0-based), e.g. 1.1.2's quarter 2 of 2568. */
  readonly unreported?: readonly { readonly kpi: number; readonly year: number; readonly quarter: number }[];
}

export function monitoredPlanText({ adopted = true, unreported = [] }: MonitoredOptions = {}): string {
  const file = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { rows: FileRow[] };
  const rows = file.rows;
  const options = rows.find((r) => r.entity === 'planOptions')!;
  if (adopted) options.data = { ...options.data, adoptedOn: '2023-01-16' };
  const target = (kpiId: string, year: number) =>
    rows.find((r) => r.entity === 'kpiTarget' && r.parentId === kpiId && r.data.year === year)?.data.target as number;
  const budget = (projectId: string, year: number) =>
    rows.find((r) => r.entity === 'projectBudget' && r.parentId === projectId && r.data.year === year)?.data
      .amount as number;
  const added: FileRow[] = [];
  const periods = [
    ...[1, 2, 3, 4].map((quarter) => ({ year: 2567, quarter })),
    ...[1, 2].map((quarter) => ({ year: 2568, quarter })),
  ];
  rows
    .filter((r) => r.entity === 'kpi')
    .forEach((kpi, k) => {
      for (const { year, quarter } of periods) {
        if (unreported.some((u) => u.kpi === k && u.year === year && u.quarter === quarter)) continue;
        const shares = KPI_SHARES[k % KPI_SHARES.length]!;
        const result = Math.round(target(kpi.id, year) * shares[quarter - 1]!);
        added.push({
          id: `${kpi.id}:${year}:q${quarter}`,
          entity: 'kpiQuarter',
          parentId: kpi.id,
          position: `a${quarter}`,
          data: {
            year,
            quarter,
            result,
            status: STATUSES[k % STATUSES.length],
            narrative: k === 1 && year === 2568 && quarter === 2 ? NARRATIVE_Q2 : '',
            evidence: '',
          },
        });
      }
    });
  rows
    .filter((r) => r.entity === 'project')
    .forEach((project, p) => {
      for (const { year, quarter } of periods) {
        const planned = budget(project.id, year) ?? 0;
        added.push({
          id: `${project.id}:${year}:q${quarter}`,
          entity: 'projectQuarter',
          parentId: project.id,
          position: `a${quarter}`,
          data: {
            year,
            quarter,
            progress: Math.min(100, quarter * 20 + p * 5),
            allocated: planned / 4,
            disbursed: Math.round(planned / 4 / (p + 2)),
            status: p === 0 ? 'delayed' : 'on-track',
            note: p === 0 && year === 2568 && quarter === 2 ? NOTE_Q2 : '',
          },
        });
      }
    });
  return JSON.stringify({ ...file, rows: [...rows, ...added] });
}

export function monitoredSource(options: MonitoredOptions = {}): PlanSource {
  return planSourceFromFile(parsePlanFile(monitoredPlanText(options)), RESOURCES);
}
