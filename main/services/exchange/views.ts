import {
  MAX_ARRIVAL_CHANGES,
  type Arrival,
  type ArrivalChange,
  type ArrivalsView,
  type ExchangeStatus,
  FolderStatus,
  type OfficeSummary,
} from '../../core/exchange/api.ts';
import { parseHlc } from '../../core/hlc.ts';
import { getPlan } from '../plans.ts';
import type { Store } from '../store/store.ts';
import { countConflicts } from './conflicts.ts';
import { contributionOps } from './export.ts';
import { keyFingerprint } from '../signing.ts';
import { acknowledgedOffices, getMeta, getPlanExchange, identity, registeredKeys } from './state.ts';

/** What the exchange screens show: status of a plan, arrivals per office, what one arrival changed. */

export const FOLDER_KEY = 'exchange_folder';
export const FOLDER_SYNCED_KEY = 'exchange_folder_synced_at';
/** JSON of FolderStatus.atStart. */
export const FOLDER_START_KEY = 'exchange_folder_start_sync';

const AtStart = FolderStatus.shape.atStart;

function atStart(store: Store): FolderStatus['atStart'] {
  const text = getMeta(store.db, FOLDER_START_KEY);
  if (text === null) return null;
  try {
    return AtStart.parse(JSON.parse(text));
  } catch {
    return null; // written by this module, so only a damaged value: nothing to show rather than a failed screen
  }
}

export function folderStatus(store: Store): FolderStatus {
  return {
    path: getMeta(store.db, FOLDER_KEY),
    lastSyncAt: getMeta(store.db, FOLDER_SYNCED_KEY),
    atStart: atStart(store),
  };
}

export function exchangeStatus(store: Store, planId: string): ExchangeStatus {
  getPlan(store, planId);
  const self = identity(store);
  const state = getPlanExchange(store.db, planId);
  const secretariat = state.secretariat
    ? { code: state.secretariat.code, name: state.secretariat.name, role: 'secretariat' as const }
    : self?.role === 'secretariat'
      ? { code: self.code, name: self.name, role: self.role }
      : null;
  // What the next contribution carries, and the edits outside this office's parts that stay here.
  const outgoing = self?.role === 'contributor' ? contributionOps(store, planId) : { ops: [], held: 0 };
  return {
    planId,
    identity: self,
    secretariat,
    assignments: state.assignments,
    lastExport:
      state.lastExportAt === null
        ? null
        : { seq: state.exportSeq, at: state.lastExportAt, fileName: state.lastExportFile ?? '' },
    fingerprint: keyFingerprint(store.signingKey.publicKey),
    unconfirmedOps: outgoing.ops.length,
    unconfirmedRowIds: [...new Set(outgoing.ops.map((op) => op.rowId))],
    heldOps: outgoing.held,
    conflicts: countConflicts(store, planId),
    folder: folderStatus(store),
  };
}

interface ArrivalRecord {
  id: string;
  kind: Arrival['kind'];
  office_code: string;
  office_name: string;
  role: Arrival['office']['role'];
  file_name: string;
  exported_at: string;
  imported_at: string;
  op_count: number;
  new_ops: number;
  changed_cells: number;
  conflicts: number;
}

export function arrivalsView(store: Store, planId: string): ArrivalsView {
  getPlan(store, planId);
  const records = store.db
    .prepare('SELECT * FROM exchange_arrivals WHERE plan_id = ? ORDER BY imported_at DESC, exported_at DESC')
    .all(planId) as ArrivalRecord[];
  const arrivals: Arrival[] = records.map((r) => ({
    id: r.id,
    kind: r.kind,
    office: { code: r.office_code, name: r.office_name, role: r.role },
    fileName: r.file_name,
    exportedAt: r.exported_at,
    importedAt: r.imported_at,
    opCount: r.op_count,
    newOps: r.new_ops,
    changedCells: r.changed_cells,
    conflicts: r.conflicts,
  }));
  const offices = new Map<string, OfficeSummary>();
  const keys = registeredKeys(store.db, planId);
  const office = (code: string, name: string) => {
    let summary = offices.get(code);
    if (!summary) {
      const key = keys.get(code);
      summary = {
        code,
        name,
        assigned: false,
        acknowledged: false,
        fingerprint: key === undefined ? null : keyFingerprint(key),
        arrivals: 0,
        lastArrivalAt: null,
      };
      offices.set(code, summary);
    }
    return summary;
  };
  for (const a of getPlanExchange(store.db, planId).assignments) office(a.officeCode, a.officeName).assigned = true;
  for (const o of acknowledgedOffices(store.db, planId)) office(o.code, o.name).acknowledged = true;
  for (const a of arrivals) {
    const summary = office(a.office.code, a.office.name);
    summary.arrivals++;
    if (summary.lastArrivalAt === null || a.importedAt > summary.lastArrivalAt) summary.lastArrivalAt = a.importedAt;
  }
  const collator = new Intl.Collator('th');
  return { offices: [...offices.values()].sort((a, b) => collator.compare(a.code, b.code)), arrivals };
}

export function arrivalChanges(store: Store, arrivalId: string): { changes: ArrivalChange[]; total: number } {
  const total = store.db.prepare('SELECT count(*) FROM ops WHERE arrival = ?').pluck().get(arrivalId) as number;
  const rows = store.db
    .prepare(
      `SELECT o.entity, o.row_id AS rowId, o.field, o.value, o.hlc,
         o.hlc = (SELECT max(n.hlc) FROM ops n WHERE n.entity = o.entity AND n.row_id = o.row_id AND n.field = o.field)
           AS current
       FROM ops o WHERE o.arrival = ? ORDER BY o.hlc LIMIT ?`,
    )
    .all(arrivalId, MAX_ARRIVAL_CHANGES) as {
    entity: string;
    rowId: string;
    field: string;
    value: string;
    hlc: string;
    current: number;
  }[];
  return {
    total,
    changes: rows.map((r) => ({
      entity: r.entity,
      rowId: r.rowId,
      field: r.field,
      value: JSON.parse(r.value) as unknown,
      at: new Date(parseHlc(r.hlc).wallMs).toISOString(),
      current: r.current === 1,
    })),
  };
}
