import type Database from 'better-sqlite3';
import { Assignments, type ActorOffice, type Assignment, type OfficeRef } from '../../core/exchange/api.ts';
import type { OfficeIdentity } from '../../core/exchange/identity.ts';
import type { PackageOffice } from '../../core/exchange/format.ts';
import { prepared } from '../store/statements.ts';
import type { Store } from '../store/store.ts';
import { actionError } from './errors.ts';

/** The exchange tables (migration 4): per-plan state, actors' offices, coverage, acknowledged offices. */

export interface PlanExchange {
  readonly planId: string;
  /** The installation that sends this plan's plan packages, and the key it signs them with (null: not known). */
  readonly secretariat: { actor: string; code: string; name: string; publicKey: string | null } | null;
  readonly assignments: Assignment[];
  /** seq of the newest plan package imported (its assignments and confirmation are the ones kept). */
  readonly planSeq: number;
  /** Up to which HLC the secretariat confirmed having this office's operations (null: nothing yet). */
  readonly confirmed: string | null;
  readonly exportSeq: number;
  readonly lastExportAt: string | null;
  readonly lastExportFile: string | null;
}

interface PlanRecord {
  plan_id: string;
  secretariat_actor: string | null;
  secretariat_code: string | null;
  secretariat_name: string | null;
  secretariat_key: string | null;
  assignments: string;
  plan_seq: number;
  confirmed: string | null;
  export_seq: number;
  last_export_at: string | null;
  last_export_file: string | null;
}

export function getPlanExchange(db: Database.Database, planId: string): PlanExchange {
  const r = prepared(db, 'SELECT * FROM exchange_plans WHERE plan_id = ?').get(planId) as PlanRecord | undefined;
  if (!r) {
    return {
      planId,
      secretariat: null,
      assignments: [],
      planSeq: 0,
      confirmed: null,
      exportSeq: 0,
      lastExportAt: null,
      lastExportFile: null,
    };
  }
  const parsed = Assignments.safeParse(JSON.parse(r.assignments));
  return {
    planId,
    secretariat:
      r.secretariat_actor === null
        ? null
        : {
            actor: r.secretariat_actor,
            code: r.secretariat_code ?? '',
            name: r.secretariat_name ?? '',
            publicKey: r.secretariat_key,
          },
    assignments: parsed.success ? parsed.data : [],
    planSeq: r.plan_seq,
    confirmed: r.confirmed,
    exportSeq: r.export_seq,
    lastExportAt: r.last_export_at,
    lastExportFile: r.last_export_file,
  };
}

export function savePlanExchange(db: Database.Database, p: PlanExchange): void {
  prepared(
    db,
    `INSERT INTO exchange_plans (plan_id, secretariat_actor, secretariat_code, secretariat_name, secretariat_key,
       assignments, plan_seq, confirmed, export_seq, last_export_at, last_export_file)
     VALUES (@planId, @sa, @sc, @sn, @sk, @assignments, @planSeq, @confirmed, @exportSeq, @lastExportAt, @lastExportFile)
     ON CONFLICT(plan_id) DO UPDATE SET secretariat_actor = excluded.secretariat_actor,
       secretariat_code = excluded.secretariat_code, secretariat_name = excluded.secretariat_name,
       secretariat_key = excluded.secretariat_key,
       assignments = excluded.assignments, plan_seq = excluded.plan_seq, confirmed = excluded.confirmed,
       export_seq = excluded.export_seq, last_export_at = excluded.last_export_at,
       last_export_file = excluded.last_export_file`,
  ).run({
    planId: p.planId,
    sa: p.secretariat?.actor ?? null,
    sc: p.secretariat?.code ?? null,
    sn: p.secretariat?.name ?? null,
    sk: p.secretariat?.publicKey ?? null,
    assignments: JSON.stringify(p.assignments),
    planSeq: p.planSeq,
    confirmed: p.confirmed,
    exportSeq: p.exportSeq,
    lastExportAt: p.lastExportAt,
    lastExportFile: p.lastExportFile,
  });
}

/** This installation's office and role (settings), or null until the user has set it. */
export function identity(store: Store): OfficeIdentity | null {
  return store.getSettings().office;
}

export function rememberActor(db: Database.Database, office: PackageOffice, at: string): void {
  prepared(
    db,
    `INSERT INTO exchange_actors (actor, office_code, office_name, role, public_key, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(actor) DO UPDATE SET office_code = excluded.office_code, office_name = excluded.office_name,
       role = excluded.role, public_key = coalesce(excluded.public_key, public_key), updated_at = excluded.updated_at`,
  ).run(office.actor, office.code, office.name, office.role, office.publicKey, at);
}

/** The key an installation's packages named for it here (null: none known). */
export function actorKeys(db: Database.Database): Map<string, string> {
  const rows = prepared(db, 'SELECT actor, public_key FROM exchange_actors WHERE public_key IS NOT NULL').all() as {
    actor: string;
    public_key: string;
  }[];
  return new Map(rows.map((r) => [r.actor, r.public_key]));
}

/** At the secretariat: the key registered for each office of a plan (by office code). */
export function registeredKeys(db: Database.Database, planId: string): Map<string, string> {
  const rows = prepared(db, 'SELECT office_code, public_key FROM exchange_keys WHERE plan_id = ?').all(planId) as {
    office_code: string;
    public_key: string;
  }[];
  return new Map(rows.map((r) => [r.office_code, r.public_key]));
}

/**
 * Register an office's key for a plan: at its first accepted contribution, or (`replace`) when the user
 * confirmed a new key's fingerprint with the office (a new computer, or a copy that took a new identity).
 */
export function registerKey(
  db: Database.Database,
  planId: string,
  code: string,
  publicKey: string,
  at: string,
  replace = false,
): void {
  prepared(
    db,
    `INSERT INTO exchange_keys (id, plan_id, office_code, public_key, registered_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO ${replace ? 'UPDATE SET public_key = excluded.public_key, registered_at = excluded.registered_at' : 'NOTHING'}`,
  ).run(`${planId} ${code}`, planId, code, publicKey, at);
}

/**
 * At an office: the secretariat's new key, confirmed by the user (its fingerprint read out on the phone), for a
 * secretariat that moved to another computer. Its plan packages are accepted from then on, from whichever
 * installation signs with it; packages signed by the old key are refused.
 */
export function acceptSecretariatKey(db: Database.Database, planId: string, publicKey: string): void {
  const state = getPlanExchange(db, planId);
  if (state.secretariat === null) {
    throw actionError('notInPlan', `plan ${planId} has no secretariat here whose key could change`);
  }
  savePlanExchange(db, { ...state, secretariat: { ...state.secretariat, publicKey } });
}

/** Every installation whose office is known: those packages came from, and this one once it has an identity. */
export function actorOffices(store: Store): ActorOffice[] {
  const rows = store.statement('SELECT actor, office_code, office_name, role FROM exchange_actors').all() as {
    actor: string;
    office_code: string;
    office_name: string;
    role: OfficeRef['role'];
  }[];
  const known = new Map(
    rows.map((r) => [r.actor, { actor: r.actor, code: r.office_code, name: r.office_name, role: r.role }]),
  );
  const self = identity(store);
  if (self) known.set(store.officeId, { actor: store.officeId, code: self.code, name: self.name, role: self.role });
  return [...known.values()];
}

/** Who an actor is: this installation's identity, or what its packages said. */
export function officeOfActors(store: Store): (actor: string) => OfficeRef | null {
  const known = new Map(actorOffices(store).map(({ actor, ...office }) => [actor, office]));
  return (actor) => known.get(actor) ?? null;
}

export function coverage(db: Database.Database, planId: string): Map<string, string> {
  const rows = prepared(db, 'SELECT actor, hlc FROM exchange_coverage WHERE plan_id = ?').all(planId) as {
    actor: string;
    hlc: string;
  }[];
  return new Map(rows.map((r) => [r.actor, r.hlc]));
}

export function saveCoverage(db: Database.Database, planId: string, actor: string, hlc: string): void {
  prepared(
    db,
    `INSERT INTO exchange_coverage (id, plan_id, actor, hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET hlc = excluded.hlc`,
  ).run(`${planId} ${actor}`, planId, actor, hlc);
}

export interface AcknowledgedOffice {
  readonly code: string;
  readonly name: string;
  readonly acknowledgedAt: string;
}

export function acknowledgedOffices(db: Database.Database, planId: string): AcknowledgedOffice[] {
  return prepared(
    db,
    'SELECT code, name, acknowledged_at AS acknowledgedAt FROM exchange_offices WHERE plan_id = ? ORDER BY code',
  ).all(planId) as AcknowledgedOffice[];
}

export function acknowledgeOffice(db: Database.Database, planId: string, code: string, name: string, at: string): void {
  prepared(
    db,
    `INSERT INTO exchange_offices (id, plan_id, code, name, acknowledged_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name`,
  ).run(`${planId} ${code}`, planId, code, name, at);
}

/** A key/value of the meta table (the shared folder lives there: it belongs to this installation, not a plan). */
export function getMeta(db: Database.Database, key: string): string | null {
  return (prepared(db, 'SELECT value FROM meta WHERE key = ?', true).get(key) as string | undefined) ?? null;
}

export function setMeta(db: Database.Database, key: string, value: string | null): void {
  if (value === null) prepared(db, 'DELETE FROM meta WHERE key = ?').run(key);
  else {
    prepared(
      db,
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }
}
