import { OfficeCode } from './identity.ts';
import type { Assignment } from './api.ts';

/**
 * What an office may write in a contribution: the parts the secretariat assigned to it (api.ts Assignment) and
 * rows beneath them, nothing else: never the plan's header, its options, vision, issues, goals or strategies,
 * nor another office's parts. The one rule for the secretariat's import (services/exchange/validate.ts) and an
 * office's export (which keeps edits outside its parts at home rather than send what would be refused).
 *
 * The parts an office owns ("roots"): when `factors` is set, its SWOT factors: those whose source
 * (factor.sourceOfficeId) is an office row of the plan with its code, and those without a source that its own
 * installation created (an office adding factors need not name itself as their source), the KPIs in `kpiIds` (this plan's or the previous plan's) and the
 * projects in `projectIds`. Everything under a root by parent (a KPI's yearly targets, a project's budgets and
 * alignment links) is the office's too, including rows it adds there.
 */

/** A row as the rule reads it (the structure check's shape of a row, before or after a package). */
export interface ScopedRow {
  readonly id: string;
  readonly entity: string;
  readonly parentId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  /** The installation whose operation created the row. */
  readonly createdBy: string;
}

/** Rows hang at most a few levels deep (strategicIssue → goal → kpi → kpiTarget); a longer chain is a loop. */
const MAX_DEPTH = 16;

/** The ids of the plan's office rows whose code is the assignment's (as a package names an office: OfficeCode). */
export function officeRowIds(assignment: Assignment, officeRows: Iterable<ScopedRow>): Set<string> {
  const ids = new Set<string>();
  for (const row of officeRows) {
    if (row.entity === 'office' && OfficeCode.safeParse(row.data.code).data === assignment.officeCode) ids.add(row.id);
  }
  return ids;
}

/** Whether a row is one of the office's parts or lies beneath one (`rowOf` finds a row by id, or undefined). */
export interface Office {
  readonly assignment: Assignment;
  /** The office rows of the plan with its code (officeRowIds). */
  readonly rows: ReadonlySet<string>;
  /** The installation sending for it. */
  readonly actor: string;
}

export function inAssignment(office: Office, row: ScopedRow, rowOf: (id: string) => ScopedRow | undefined): boolean {
  let current: ScopedRow | undefined = row;
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    if (isRoot(office, current)) return true;
    current = current.parentId === null ? undefined : rowOf(current.parentId);
  }
  return false;
}

function isRoot({ assignment, rows, actor }: Office, row: ScopedRow): boolean {
  switch (row.entity) {
    case 'factor': {
      const source = row.data.sourceOfficeId;
      return assignment.factors && (typeof source === 'string' ? rows.has(source) : row.createdBy === actor);
    }
    case 'kpi':
    case 'prevKpi':
      return assignment.kpiIds.includes(row.id);
    case 'project':
      return assignment.projectIds.includes(row.id);
    default:
      return false;
  }
}

/** The parts of an office the secretariat accepted without assigning it anything: its own SWOT factors. */
export function unassigned(officeCode: string, officeName: string): Assignment {
  return { officeCode, officeName, factors: true, kpiIds: [], projectIds: [] };
}
