import { quarterDue, type FiscalQuarter } from './monitoring.ts';
import type { Row } from './rows.ts';

/**
 * Offices' reporting (การรายงานของหน่วยงาน): per office and fiscal quarter, which of its KPIs and projects (its
 * assignments, core/exchange/assignments.ts) have that quarter's results here, what is missing, and whether it
 * is late. A quarter is due `dueDays` after its last day (planOptions.reportDueDays, 15 unless the plan says
 * otherwise: ไตรมาส 1 ends 31 December, so it is due 15 January); an office that has not reported everything
 * by then is late. One rule for the secretariat's step, reminders and the progress report.
 */

/** The part of an assignment this rule reads. */
export interface ReportingOffice {
  readonly officeCode: string;
  readonly officeName: string;
  readonly kpiIds: readonly string[];
  readonly projectIds: readonly string[];
}

/**
 * complete: every assigned KPI and project has the quarter's results; pending: not all, but not due yet;
 * late: not all, and the due day has passed; unassigned: nothing to report.
 */
export type ReportState = 'complete' | 'pending' | 'late' | 'unassigned';

export interface OfficeQuarter {
  readonly officeCode: string;
  readonly officeName: string;
  readonly quarter: FiscalQuarter;
  /** The last day to send the quarter (ISO). */
  readonly due: string;
  readonly expected: number;
  readonly arrived: number;
  /** The KPIs and projects (ids) still without the quarter's results, KPIs first, in the assignment's order. */
  readonly missing: readonly string[];
  readonly state: ReportState;
}

/**
 * Whether a quarter row carries results: a KPI's result (or its status, such as cancelled, which explains a
 * missing figure); a project's progress, money or status. A narrative alone is not a result.
 */
export function hasResults(row: Row): boolean {
  const d = row.data;
  if (row.entity === 'kpiQuarter') return d.result != null || d.status != null;
  if (row.entity === 'projectQuarter')
    return d.progress != null || d.allocated != null || d.disbursed != null || d.status != null;
  return false;
}

/** The ids of the KPIs and projects whose quarter has results, from the plan's rows. */
export function reportedIds(rows: readonly Row[], { fiscalYear, quarter }: FiscalQuarter): Set<string> {
  const ids = new Set<string>();
  for (const row of rows) {
    if ((row.entity === 'kpiQuarter' || row.entity === 'projectQuarter') && row.parentId !== null) {
      if (row.data.year === fiscalYear && row.data.quarter === quarter && hasResults(row)) ids.add(row.parentId);
    }
  }
  return ids;
}

/** Each office's standing for one quarter on `today` (ISO). KPIs and projects no longer in the plan are not asked for. */
export function officeQuarters(
  offices: readonly ReportingOffice[],
  rows: readonly Row[],
  quarter: FiscalQuarter,
  today: string,
  dueDays: number,
): OfficeQuarter[] {
  const live = new Set(rows.filter((r) => r.entity === 'kpi' || r.entity === 'project').map((r) => r.id));
  const reported = reportedIds(rows, quarter);
  const due = quarterDue(quarter, dueDays);
  return offices.map((office) => {
    const asked = [...office.kpiIds, ...office.projectIds].filter((id) => live.has(id));
    const missing = asked.filter((id) => !reported.has(id));
    const state: ReportState =
      asked.length === 0 ? 'unassigned' : missing.length === 0 ? 'complete' : today > due ? 'late' : 'pending';
    return {
      officeCode: office.officeCode,
      officeName: office.officeName,
      quarter,
      due,
      expected: asked.length,
      arrived: asked.length - missing.length,
      missing,
      state,
    };
  });
}

/** A reminder an office still has to act on, and whether it has entered everything asked (but not yet sent it). */
export interface OpenReminder {
  readonly reminder: Row;
  readonly entered: boolean;
}

/**
 * The reminders an office still has to act on: those of the secretariat addressed to its code for a quarter
 * whose results have not all reached the secretariat (newest first). Typing the results in is not enough: a
 * row whose edits the secretariat has not confirmed receiving (`unconfirmed`, the office's own operations
 * after the confirmation of the last plan package) counts as not there. So the reminder stays, saying the
 * results are entered and wait to be sent, until a plan package confirms their arrival.
 */
export function openReminders(
  reminders: readonly Row[],
  office: ReportingOffice,
  rows: readonly Row[],
  unconfirmed: ReadonlySet<string>,
): OpenReminder[] {
  const arrived = rows.filter((r) => !unconfirmed.has(r.id));
  // Today and the due day do not matter: only whether everything asked for is in.
  const complete = (rowsHere: readonly Row[], reminder: Row) => {
    const quarter = {
      fiscalYear: reminder.data.year as number,
      quarter: reminder.data.quarter as FiscalQuarter['quarter'],
    };
    const [standing] = officeQuarters([office], rowsHere, quarter, '', 0);
    return standing!.state === 'complete' || standing!.state === 'unassigned';
  };
  return reminders
    .filter((r) => r.entity === 'reminder' && (r.data.officeCodes as readonly string[]).includes(office.officeCode))
    .filter((r) => !complete(arrived, r))
    .sort((a, b) => String(b.data.sentOn).localeCompare(String(a.data.sentOn)))
    .map((reminder) => ({ reminder, entered: complete(rows, reminder) }));
}
