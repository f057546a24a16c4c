import { createHash, randomUUID } from 'node:crypto';
import type { PackageKind } from '../../core/exchange/api.ts';
import {
  PACKAGE_EXTENSION,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  checksumInput,
  serialisePackage,
  type Manifest,
  type PackageFile,
  type PackageGroup,
  type PackageOffice,
  type Payload,
  type UnsealedPackage,
} from '../../core/exchange/format.ts';
import type { OfficeIdentity } from '../../core/exchange/identity.ts';
import { heads } from '../../core/exchange/merge.ts';
import { inAssignment, officeRowIds, unassigned, type ScopedRow } from '../../core/exchange/assignments.ts';
import { getPlan } from '../plans.ts';
import type { Store } from '../store/store.ts';
import { planCatalogs } from './catalogs.ts';
import { actionError } from './errors.ts';
import {
  actorKeys,
  coverage,
  getMeta,
  getPlanExchange,
  identity,
  officeOfActors,
  savePlanExchange,
  setMeta,
} from './state.ts';
import { safeFileName } from '../files.ts';
import { signText, type SigningKey } from '../signing.ts';

/** Building the packages this installation sends: the secretariat's plan package, an office's contribution. */

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The same over bytes: an import hashes the package's bytes as they are (core/exchange/layout.ts). */
export function sha256Bytes(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A package's manifest and payload with the checksum and the signature that seal them (both over the same
 * canonical text), and the text written to the file. The manifest names the signer's public key.
 */
export function sealPackage(
  manifest: Omit<Manifest, 'sha256'>,
  payload: Payload,
  key: SigningKey,
): { file: PackageFile; text: string } {
  const unsealed: UnsealedPackage = { format: PACKAGE_FORMAT, version: PACKAGE_VERSION, manifest, payload };
  const input = checksumInput(unsealed);
  const file: PackageFile = {
    ...unsealed,
    manifest: { ...manifest, sha256: sha256Hex(input) },
    signature: signText(key, input),
  };
  return { file, text: serialisePackage(file) };
}

export interface BuiltPackage {
  readonly file: PackageFile;
  readonly text: string;
  /** A name to offer in a save dialog or a download. */
  readonly fileName: string;
}

interface OpRecord {
  id: string;
  grp: string;
  hlc: string;
  actor: string;
  entity: string;
  rowId: string;
  field: string;
  value: string;
  seen: string;
  groupHlc: string;
  label: string;
}

const PLAN_OPS = `SELECT o.id, o.grp, o.hlc, o.actor, o.entity, o.row_id AS rowId, o.field, o.value, o.seen,
  g.hlc AS groupHlc, g.label FROM ops o JOIN op_groups g ON g.id = o.grp WHERE g.plan_id = ?`;

/** Every operation of a plan that still decides a field: the heads of each field (merge.ts). */
function standingOps(store: Store, planId: string): OpRecord[] {
  const all = store.db.prepare(PLAN_OPS).all(planId) as OpRecord[];
  const byCell = new Map<string, { hlc: string; actor: string; seen: string[]; record: OpRecord }[]>();
  for (const op of all) {
    const key = `${op.entity}\u0000${op.rowId}\u0000${op.field}`;
    let cell = byCell.get(key);
    if (!cell) byCell.set(key, (cell = []));
    cell.push({ hlc: op.hlc, actor: op.actor, seen: JSON.parse(op.seen) as string[], record: op });
  }
  return [...byCell.values()].flatMap((cell) => heads(cell).map((op) => op.record));
}

/**
 * What this office's next contribution carries: its own operations of a plan after the point the secretariat
 * confirmed, but for those outside its assigned parts (core/exchange/assignments.ts), which the secretariat
 * would refuse (and with them the whole package, again at every later send): the plan's header, and rows not
 * assigned to it. Those stay here, as a local note; exchangeStatus() counts them for the user.
 */
export function contributionOps(store: Store, planId: string): { ops: OpRecord[]; held: number } {
  const self = requireIdentity(store);
  const state = getPlanExchange(store.db, planId);
  const own = unconfirmedOps(store, planId);
  const rows = new Map(
    (
      store.db
        .prepare('SELECT id, entity, parent_id AS parentId, data, created_by AS createdBy FROM rows WHERE plan_id = ?')
        .all(planId) as { id: string; entity: string; parentId: string | null; data: string; createdBy: string }[]
    ).map((r): [string, ScopedRow] => [r.id, { ...r, data: JSON.parse(r.data) as Record<string, unknown> }]),
  );
  const assignment = state.assignments.find((a) => a.officeCode === self.code) ?? unassigned(self.code, self.name);
  const office = { assignment, rows: officeRowIds(assignment, rows.values()), actor: store.officeId };
  const inScope = new Map<string, boolean>();
  const ops = own.filter((op) => {
    let ok = inScope.get(op.rowId);
    if (ok === undefined) {
      const row = rows.get(op.rowId);
      ok = row !== undefined && inAssignment(office, row, (id) => rows.get(id));
      inScope.set(op.rowId, ok);
    }
    return ok;
  });
  return { ops, held: own.length - ops.length };
}

/** This installation's own operations of a plan after the point the secretariat confirmed, in or out of its parts. */
export function unconfirmedOps(store: Store, planId: string): OpRecord[] {
  const { confirmed } = getPlanExchange(store.db, planId);
  return store.db
    .prepare(`${PLAN_OPS} AND o.actor = ? AND o.hlc > ?`)
    .all(planId, store.officeId, confirmed ?? '') as OpRecord[];
}

function toGroups(ops: readonly OpRecord[]): PackageGroup[] {
  const groups = new Map<string, PackageGroup>();
  for (const op of [...ops].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))) {
    let group = groups.get(op.grp);
    if (!group) {
      group = { id: op.grp, hlc: op.groupHlc, actor: op.actor, label: op.label.slice(0, 200), ops: [] };
      groups.set(op.grp, group);
    }
    group.ops.push({
      id: op.id,
      type: 'set',
      hlc: op.hlc,
      entity: op.entity,
      rowId: op.rowId,
      field: op.field,
      value: JSON.parse(op.value) as unknown,
      seen: JSON.parse(op.seen) as string[],
    });
  }
  return [...groups.values()].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
}

function requireIdentity(store: Store): OfficeIdentity {
  const self = identity(store);
  if (!self) throw actionError('identityMissing', 'set this office (code, name, role) before exchanging');
  return self;
}

/**
 * The package this installation sends for a plan: from the secretariat, the plan package (every field's
 * standing edits, the assignments, what it has of each office, and the user-saved catalog versions the plan
 * is aligned to); from an office, its contribution (its own operations after the point the secretariat
 * confirmed, so a lost package is covered again). Writes nothing: recordExport() once the file is saved.
 */
export function buildPackage(store: Store, planId: string, now = new Date()): BuiltPackage {
  const kind = packageKind(store);
  return packageOf(
    store,
    planId,
    kind === 'plan' ? standingOps(store, planId) : contributionOps(store, planId).ops,
    now,
  );
}

function packageKind(store: Store): PackageKind {
  return requireIdentity(store).role === 'secretariat' ? 'plan' : 'contribution';
}

/**
 * The package of this installation's kind carrying exactly `ops` (buildPackage's choice of them, or, in tests of
 * the receiving side, what a buggy or hostile sender would choose: unconfirmedOps with those outside its parts).
 */
export function packageOf(store: Store, planId: string, ops: readonly OpRecord[], now = new Date()): BuiltPackage {
  const self = requireIdentity(store);
  const plan = getPlan(store, planId);
  const state = getPlanExchange(store.db, planId);
  const kind = packageKind(store);
  const groups = toGroups(ops);
  const hlcs = ops.map((op) => op.hlc).sort();
  const officeOf = officeOfActors(store);
  const keys = actorKeys(store.db);
  const sender: PackageOffice = { actor: store.officeId, ...self, publicKey: store.signingKey.publicKey };
  const offices = [...new Set(groups.map((g) => g.actor))].map((actor): PackageOffice =>
    actor === store.officeId
      ? sender
      : {
          actor,
          // An actor no package named (not expected: every imported operation came with its office).
          ...(officeOf(actor) ?? { code: 'unknown', name: '-', role: 'contributor' as const }),
          // Offices learn their peers' keys from the plan package.
          publicKey: keys.get(actor) ?? null,
        },
  );
  if (!offices.some((o) => o.actor === sender.actor)) offices.push(sender);
  const seq = state.exportSeq + 1;
  const manifest: Omit<Manifest, 'sha256'> = {
    packageId: randomUUID(),
    kind,
    planId,
    planTitle: plan.title.slice(0, 500),
    sender,
    seq,
    exportedAt: now.toISOString(),
    hlcRange: { first: hlcs[0] ?? null, last: hlcs.at(-1) ?? null },
    opCount: ops.length,
    covers: kind === 'contribution' ? { from: state.confirmed, to: hlcs.at(-1) ?? null } : { from: null, to: null },
    confirmed: kind === 'plan' ? Object.fromEntries(coverage(store.db, planId)) : {},
  };
  const catalogs = kind === 'plan' ? planCatalogs(store, planId) : [];
  const sealed = sealPackage(
    manifest,
    {
      offices,
      assignments: kind === 'plan' ? state.assignments : null,
      groups,
      // Left out when empty: such a package is exactly what a Phaen without carried catalogs writes and reads.
      ...(catalogs.length > 0 ? { catalogs } : {}),
    },
    store.signingKey,
  );
  return { ...sealed, fileName: `${safeFileName(plan.title, 80)}-${self.code}-${seq}${PACKAGE_EXTENSION}` };
}

/** After the package was saved (or handed over as a download): the next one gets the next number. */
/**
 * Saving a package file and recording its export, all or nothing (services/files.ts writeFileAtomic's
 * `commit`): the file, flushed under a temporary name, takes its name (`place`) as the last step of the
 * transaction that records it (with `alsoRecord`'s writes), and is removed again when that transaction fails
 * (a full disk at its commit). A package left behind by a failed export would be sent although this
 * installation goes on as if it had not been (its next one numbered the same). `savedAs` is the name
 * recorded (a shared folder records its own path for the file).
 */
export function recordingExport(
  store: Store,
  built: BuiltPackage,
  savedAs: string,
  alsoRecord?: () => void,
): (place: () => void) => void {
  return (place) =>
    store.db.transaction(() => {
      recordExport(store, built, savedAs);
      place();
      alsoRecord?.();
    })();
}

export function recordExport(store: Store, built: BuiltPackage, savedAs: string): void {
  const { manifest } = built.file;
  const state = getPlanExchange(store.db, manifest.planId);
  const { sender } = manifest;
  savePlanExchange(store.db, {
    ...state,
    // The installation that sends a plan package is the plan's secretariat from then on.
    secretariat:
      manifest.kind === 'plan'
        ? { actor: sender.actor, code: sender.code, name: sender.name, publicKey: sender.publicKey }
        : state.secretariat,
    exportSeq: Math.max(state.exportSeq, manifest.seq),
    lastExportAt: manifest.exportedAt,
    lastExportFile: savedAs,
  });
  if (manifest.kind === 'contribution') recordSentUpTo(store, manifest.planId, manifest.hlcRange.last);
}

/**
 * The newest of this installation's operations of a plan that a contribution of it carried ('' when none), so
 * that a copied data folder can say how many of the original's edits never left it (exchange/unsent.ts). Kept
 * in meta as `exported_hlc <plan id>`: a note of this installation about its own sends, not exchanged state.
 */
export function sentUpTo(store: Store, planId: string): string {
  return getMeta(store.db, `exported_hlc ${planId}`) ?? '';
}

/** An empty package leaves the mark where it was. */
function recordSentUpTo(store: Store, planId: string, lastHlc: string | null): void {
  if (lastHlc !== null && lastHlc > sentUpTo(store, planId)) setMeta(store.db, `exported_hlc ${planId}`, lastHlc);
}
