import { quarterDue, type FiscalQuarter } from './monitoring.ts';
import { asIndex, monitoringRows, type MonitoringRows } from './monitoringPlan.ts';
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

/**
 * Whether a KPI's or project's quarter has results, read from the rows' index (its rows of that year only);
 * rows in `unsent` do not count.
 */
function hasQuarterResults(
  index: MonitoringRows,
  id: string,
  { fiscalYear, quarter }: FiscalQuarter,
  unsent: ReadonlySet<string>,
): boolean {
  return (index.yearly.get(id)?.get(fiscalYear) ?? []).some(
    (row) =>
      (row.entity === 'kpiQuarter' || row.entity === 'projectQuarter') &&
      row.data.quarter === quarter &&
      !unsent.has(row.id) &&
      hasResults(row),
  );
}

/**
 * Each office's standing for one quarter on `today` (ISO). KPIs and projects no longer in the plan (not in its
 * numbered tree, as the report counts them) are not asked for. `rows`: the plan's rows, or their index
 * (monitoringRows) when the caller has it: an office's KPIs and projects are then looked up, not every row read.
 * `unsent`: ids of quarter rows whose results have not reached this installation yet (openReminders).
 */
export function officeQuarters(
  offices: readonly ReportingOffice[],
  rows: readonly Row[] | MonitoringRows,
  quarter: FiscalQuarter,
  today: string,
  dueDays: number,
  unsent: ReadonlySet<string> = new Set(),
): OfficeQuarter[] {
  const index = asIndex(rows);
  const due = quarterDue(quarter, dueDays);
  return offices.map((office) => {
    const asked = [...office.kpiIds, ...office.projectIds].filter((id) => index.numbers.has(id));
    const missing = asked.filter((id) => !hasQuarterResults(index, id, quarter, unsent));
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
  const addressed = reminders.filter(
    (r) => r.entity === 'reminder' && (r.data.officeCodes as readonly string[]).includes(office.officeCode),
  );
  if (addressed.length === 0) return [];
  // Indexed once for all the reminders; what has arrived is what is entered less the results not yet sent.
  const index = monitoringRows(rows);
  // Today and the due day do not matter: only whether everything asked for is in.
  const complete = (reminder: Row, unsent: ReadonlySet<string>) => {
    const quarter = {
      fiscalYear: reminder.data.year as number,
      quarter: reminder.data.quarter as FiscalQuarter['quarter'],
    };
    const [standing] = officeQuarters([office], index, quarter, '', 0, unsent);
    return standing!.state === 'complete' || standing!.state === 'unassigned';
  };
  return addressed
    .filter((r) => !complete(r, unconfirmed))
    .sort((a, b) => String(b.data.sentOn).localeCompare(String(a.data.sentOn)))
    .map((reminder) => ({ reminder, entered: complete(reminder, new Set()) }));
}
