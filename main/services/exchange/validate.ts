import type { Catalog } from '../../core/catalog.ts';
import type { Assignment, RejectReason } from '../../core/exchange/api.ts';
import { inAssignment, officeRowIds, unassigned } from '../../core/exchange/assignments.ts';
import type { OfficeIdentity } from '../../core/exchange/identity.ts';
import { canonicalJson } from '../../core/exchange/canonical.ts';
import { PackageError, type PackageFile } from '../../core/exchange/format.ts';
import {
  adoptedTargetsIn,
  isFrozenField,
  unrevisedChanges,
  type FieldChange,
  type RevisionRecord,
} from '../../core/revision.ts';
import { planExists } from '../plans.ts';
import { entitySpec, isEntity, type EntityName, type FieldSpec } from '../store/entities.ts';
import type { Store } from '../store/store.ts';
import { prepared } from '../store/statements.ts';
import { newCatalogs } from './catalogs.ts';
import { checkStructure, type Shapes } from './structure.ts';
import { cellKey, type Cell, type Stored } from './stored.ts';
import { acknowledgedOffices, getPlanExchange, registeredKeys } from './state.ts';

/**
 * The checks of a parsed package that need this workspace: already imported, the right plan, the sender's
 * identity, a known office, every operation against the same field schemas as a local edit
 * (store/entities.ts), and the catalog versions it carries against the ones here. Nothing here writes.
 */

/** An operation ready to apply: entity and field known, value parsed by its field's schema. */
export interface ValidOp {
  readonly id: string;
  readonly grp: string;
  readonly hlc: string;
  readonly actor: string;
  readonly entity: EntityName;
  readonly spec: FieldSpec;
  readonly rowId: string;
  readonly field: string;
  readonly value: unknown;
  readonly seen: readonly string[];
}

export interface AcceptedPackage {
  readonly name: string;
  readonly file: PackageFile;
  readonly ops: readonly ValidOp[];
  /** Ids of its operations this workspace had before the import (checkClocks found them): apply skips them. */
  readonly here: ReadonlySet<string>;
  /** Per field it touches (cellKey), the operations this workspace had of it before the import, by HLC. */
  readonly cells: ReadonlyMap<string, Cell>;
  /** The catalog versions it carries that are not here yet (exchange/catalogs.ts). */
  readonly catalogs: readonly Catalog[];
}

/**
 * What a package is checked against besides the database, which holds what the packages before it in the same
 * import brought (import.ts applies each before the next is checked).
 */
export interface CheckContext {
  /** Refuse packages for any other plan (the plan open in the UI). */
  readonly expectedPlanId: string | undefined;
  /** The rows and operations here, read once per package (stored.ts). */
  readonly stored: Stored;
  /** This installation's office (state.ts identity), read once per import: an import never changes it. */
  readonly self: OfficeIdentity | null;
}

export type Verdict = { status: 'accept'; accepted: AcceptedPackage } | { status: 'already-imported' };

export function checkPackage(store: Store, name: string, file: PackageFile, context: CheckContext): Verdict {
  const { manifest } = file;
  const { planId } = manifest;
  const arrived = store
    .statement('SELECT sha256, file_name FROM exchange_arrivals WHERE id = ?')
    .get(manifest.packageId) as { sha256: string; file_name: string } | undefined;
  if (arrived !== undefined) {
    // The same file again (given twice, or still in the shared folder): nothing new, and no fault.
    if (arrived.sha256 === manifest.sha256) return { status: 'already-imported' };
    throw new PackageError(
      'reused-package-id',
      `package id ${manifest.packageId} of ${name} already imported from ${arrived.file_name} with other content`,
      undefined,
      undefined,
      undefined,
      arrived.file_name,
    );
  }
  // This installation's own package (it reads its own files in a shared folder): everything in it is here.
  if (refuseOwnIdElsewhere(store, file) === 'own-package') return { status: 'already-imported' };
  const { expectedPlanId, stored } = context;
  if (expectedPlanId !== undefined && planId !== expectedPlanId) {
    throw new PackageError('other-plan', `package for plan ${planId}, ${expectedPlanId} is open`);
  }
  if (manifest.kind === 'contribution' && !planExists(store, planId)) {
    throw new PackageError('other-plan', `plan ${planId} is not in this workspace`);
  }
  const assignment = checkSender(store, file, context.self);
  const ops = checkOps(file, stored);
  if (manifest.kind === 'contribution') refuseHeaderEdits(ops);
  const clocks = checkClocks(ops, stored);
  const shapes = checkStructure(store, planId, ops, stored, clocks.cells);
  if (assignment) refuseOutsideAssignment(store, file, ops, assignment, shapes, stored);
  refuseUnrevised(store, planId, ops, shapes);
  const catalogs = newCatalogs(store, file);
  return { status: 'accept', accepted: { name, file, ops, here: clocks.here, cells: clocks.cells, catalogs } };
}

/**
 * The secretariat of a plan is the installation whose plan package came first (or this one, once it sent the
 * plan or when it is a secretariat holding a plan nobody sent it). Nobody else may speak as it: a plan package
 * from another installation or signed by another key than its first one, or a contribution using its code or
 * installation, is refused. An office is known by the key its first accepted contribution was signed with
 * (registered at the secretariat, its fingerprint shown to confirm by phone): a package under that office
 * signed by another key is refused until the user confirms the new key.
 */
function checkSender(store: Store, file: PackageFile, self: OfficeIdentity | null): Assignment | null {
  const { manifest, payload } = file;
  const { planId, sender } = manifest;
  const state = getPlanExchange(store.db, planId);
  const selfSecretariat =
    self?.role === 'secretariat' && planExists(store, planId) ? { actor: store.officeId, code: self.code } : null;
  const secretariat = state.secretariat ?? selfSecretariat;
  // A package under this installation's own code while it is the secretariat: never from a real office.
  const usesOurSecretariatCode = self?.role === 'secretariat' && self.code === sender.code;
  if (manifest.kind === 'plan') {
    const knownKey = state.secretariat?.publicKey ?? null;
    // The secretariat's key speaks for it from another installation too: one that moved to a new computer,
    // whose new key the office confirmed (acceptSecretariatKey); its next plan package records the installation.
    const confirmedKey = knownKey !== null && knownKey === sender.publicKey;
    if (secretariat && secretariat.actor !== sender.actor && !confirmedKey) {
      // Under the secretariat's code: the secretariat on a new computer, or someone posing as it. Only a phone
      // call tells them apart, so the refusal names the new key for the user to confirm.
      if (secretariat.code === sender.code && !usesOurSecretariatCode) {
        throw new PackageError(
          'key-changed',
          `plan package from another installation ${sender.actor} of secretariat ${sender.code}, signed by ${sender.publicKey}; the secretariat's key is ${knownKey ?? '(none)'}`,
        );
      }
      throw new PackageError(
        'claims-secretariat',
        `plan package from ${sender.actor}, secretariat is ${secretariat.actor}`,
      );
    }
    if (knownKey !== null && knownKey !== sender.publicKey) {
      throw new PackageError(
        'key-changed',
        `plan package signed by ${sender.publicKey}, the secretariat's key is ${knownKey}`,
      );
    }
    if (usesOurSecretariatCode) {
      throw new PackageError('claims-secretariat', `plan package using this secretariat's code ${sender.code}`);
    }
    return null;
  }
  const claimsIt = (s: { actor: string; code: string } | null) =>
    s !== null && (s.actor === sender.actor || s.code === sender.code);
  if (claimsIt(secretariat) || usesOurSecretariatCode) {
    throw new PackageError('claims-secretariat', `contribution from ${sender.code} speaks as the secretariat`);
  }
  const assigned = state.assignments.find((a) => a.officeCode === sender.code);
  const acknowledged = acknowledgedOffices(store.db, planId).find((o) => o.code === sender.code);
  const known = assigned !== undefined || acknowledged !== undefined;
  if (!known) throw new PackageError('unknown-office', `office ${sender.code} is neither assigned nor acknowledged`);
  const registered = registeredKeys(store.db, planId).get(sender.code);
  if (registered !== undefined && registered !== sender.publicKey && !knownInstallation(store, sender)) {
    throw new PackageError(
      'key-changed',
      `office ${sender.code} signed with ${sender.publicKey}, its registered key is ${registered}`,
    );
  }
  if (payload.offices.length !== 1) throw new PackageError('invalid', 'a contribution names its sender only');
  // An office accepted without an assignment brings its own SWOT factors only.
  return assigned ?? unassigned(sender.code, sender.name);
}

/**
 * An installation of this office whose contributions were accepted here signed by this very key: it keeps being
 * heard after the office's key is replaced by another computer's (a copied data folder that took a new identity
 * has both computers writing; refusing the first one's later packages would lose what it writes). A key nobody
 * confirmed never gets here: an installation's key is recorded only from its accepted packages.
 */
function knownInstallation(store: Store, sender: PackageFile['manifest']['sender']): boolean {
  const known = store
    .statement('SELECT office_code AS code, public_key AS publicKey FROM exchange_actors WHERE actor = ?')
    .get(sender.actor) as { code: string; publicKey: string | null } | undefined;
  return known !== undefined && known.code === sender.code && known.publicKey === sender.publicKey;
}

/** How many refused operations a refusal's detail lists (the first is also its `operation`). */
const NAMED_OPS = 20;

/**
 * A contribution touches only its office's parts (core/exchange/assignments.ts): every row it writes lies in
 * them as the package leaves it, and, if the row was here before, lay in them before too (so an office can
 * neither move another's row under its own project nor claim another office's factor). The refusal names the
 * operations.
 */
function refuseOutsideAssignment(
  store: Store,
  file: PackageFile,
  ops: readonly ValidOp[],
  assignment: Assignment,
  shapes: Shapes,
  stored: Stored,
): void {
  const { planId } = file.manifest;
  const officeIds = prepared(store.db, "SELECT id FROM rows WHERE plan_id = ? AND entity = 'office'", true).all(
    planId,
  ) as string[];
  // The plan's office rows, read in one statement rather than one each (shapes.before reads what stored holds).
  stored.loadRows(officeIds);
  const office = {
    assignment,
    rows: officeRowIds(
      assignment,
      officeIds.map((id) => shapes.before(id)).filter((r) => r !== undefined),
    ),
    actor: file.manifest.sender.actor,
  };
  const verdict = new Map<string, boolean>();
  const allowed = (rowId: string) => {
    let ok = verdict.get(rowId);
    if (ok === undefined) {
      const was = shapes.before(rowId);
      const now = shapes.after(rowId);
      ok =
        now !== undefined &&
        inAssignment(office, now, shapes.after) &&
        (was === undefined || inAssignment(office, was, shapes.before));
      verdict.set(rowId, ok);
    }
    return ok;
  };
  const outside = ops.filter((op) => !allowed(op.rowId));
  if (outside.length === 0) return;
  const [first] = outside;
  const named = outside.slice(0, NAMED_OPS).map((op) => `${op.id} (${op.entity}.${op.field} of ${op.rowId})`);
  throw new PackageError(
    'outside-assignment',
    `${outside.length} operations outside the parts assigned to ${assignment.officeCode}: ${named.join(', ')}${
      outside.length > NAMED_OPS ? ', …' : ''
    }`,
    { id: first!.id, entity: first!.entity, rowId: first!.rowId, field: first!.field },
  );
}

/**
 * The plan's header (title, years, its deletion) is the secretariat's: an office's contribution that sets it
 * (once a forged one deleted the plan from the secretariat's list) is refused, naming every such operation.
 * Offices never send their own header edits (export.ts), so this refuses only a forged or altered package.
 */
function refuseHeaderEdits(ops: readonly ValidOp[]): void {
  const header = ops.filter((op) => op.entity === 'plan');
  if (header.length === 0) return;
  const [first] = header;
  throw new PackageError(
    'secretariat-only',
    `operations ${header.map((op) => `${op.id} (plan.${op.field})`).join(', ')} change the plan's header`,
    { id: first!.id, entity: first!.entity, rowId: first!.rowId, field: first!.field },
  );
}

/**
 * Operations under this installation's own id that it never wrote: another installation runs under the same id
 * (a copied data folder, or this one restored from an older backup while the copy that sent them went on).
 * Refused, so that the user gives this one a new identity (session.confirmMove): nothing is lost, and these
 * operations then come in as the other installation's. A package of its own whose operations are all here
 * (its own file in a shared folder) is 'own-package'.
 */
function refuseOwnIdElsewhere(store: Store, file: PackageFile): 'own-package' | 'other' {
  const have = prepared(store.db, 'SELECT 1 FROM ops WHERE id = ?', true);
  const ours = file.payload.groups.filter((g) => g.actor === store.officeId);
  for (const group of ours) {
    for (const op of group.ops) {
      if (have.get(op.id) === undefined) {
        throw new PackageError(
          'copied-installation',
          `operation ${op.id} carries this installation's id ${store.officeId} but was not written here`,
          { id: op.id, entity: op.entity, rowId: op.rowId, field: op.field },
        );
      }
    }
  }
  return file.manifest.sender.actor === store.officeId ? 'own-package' : 'other';
}

/**
 * Targets are frozen once the plan is adopted (core/revision.ts): per action (operation group) of the
 * package, every new operation that would change a frozen value as it stands here needs a revision written in
 * the same action, as a local edit does. Operations already here or older than what is here change nothing.
 */
function refuseUnrevised(store: Store, planId: string, ops: readonly ValidOp[], shapes: Shapes): void {
  const adopted = shapes.before(planId)?.data.adoptedOn != null;
  if (!adopted) return;
  const have = prepared(store.db, 'SELECT 1 FROM ops WHERE id = ?', true);
  const newest = prepared(store.db, 'SELECT max(hlc) FROM ops WHERE entity = ? AND row_id = ? AND field = ?', true);
  const stored = store.statement("SELECT data, parent_id, deleted FROM rows WHERE id = ? AND entity = 'revision'");
  const groups = new Map<string, ValidOp[]>();
  for (const op of ops) groups.set(op.grp, [...(groups.get(op.grp) ?? []), op]);
  for (const group of groups.values()) {
    const changes: (FieldChange & { op: ValidOp })[] = [];
    const revisions = new Map<string, Record<string, unknown>>();
    for (const op of group) {
      if (op.entity === 'revision') {
        const record = revisions.get(op.rowId) ?? revisionHere(stored.get(op.rowId));
        revisions.set(op.rowId, { ...record, [op.field]: op.value });
      } else if (op.field === 'deleted' && op.value === true && have.get(op.id) === undefined) {
        // A delete that would drop an adopted target or budget: a change of it that no revision can record.
        const row = shapes.before(op.rowId);
        if (row && !row.deleted && adoptedTargetsIn(adopted, [row]).length > 0) {
          throw new PackageError(
            'unrevised-change',
            `operation ${op.id} deletes ${op.entity} ${op.rowId}, which holds an adopted target or budget`,
            { id: op.id, entity: op.entity, rowId: op.rowId, field: op.field },
          );
        }
      } else if (isFrozenField(op.entity, op.field) && have.get(op.id) === undefined) {
        const here = newest.get(op.entity, op.rowId, op.field) as string | null;
        if (here !== null && op.hlc <= here) continue;
        const before = shapes.before(op.rowId)?.data[op.field];
        changes.push({ entity: op.entity, rowId: op.rowId, field: op.field, before, after: op.value, op });
      }
    }
    const records: RevisionRecord[] = [...revisions.values()].map((r) => ({
      parentId: (r.parentId as string | null | undefined) ?? null,
      field: r.field,
      from: r.from,
      to: r.to,
      reason: r.reason,
      withdrawn: r.deleted === true,
    }));
    const [first] = unrevisedChanges(adopted, changes, records) as typeof changes;
    if (first) {
      const { op } = first;
      throw new PackageError(
        'unrevised-change',
        `operation ${op.id} (${op.entity}.${op.field} of ${op.rowId}) changes a frozen value without a revision`,
        { id: op.id, entity: op.entity, rowId: op.rowId, field: op.field },
      );
    }
  }
}

/** A revision row as stored here (its fields, parent and whether deleted), for an action that revives or withdraws it. */
function revisionHere(row: unknown): Record<string, unknown> {
  if (row === undefined) return {};
  const { data, parent_id, deleted } = row as { data: string; parent_id: string | null; deleted: number };
  return { ...(JSON.parse(data) as Record<string, unknown>), parentId: parent_id, deleted: deleted === 1 };
}

/** Field rules (core) whose refusal has its own message rather than "a bad value". */
const VALUE_REASONS: Readonly<Record<string, RejectReason>> = {
  'validation.tooLong': 'too-long',
  'validation.yearRange': 'year-out-of-range',
};

function checkOps(file: PackageFile, stored: Stored): ValidOp[] {
  const { planId } = file.manifest;
  stored.loadRows(file.payload.groups.flatMap((g) => g.ops.filter((op) => op.entity !== 'plan').map((op) => op.rowId)));
  const kinds = new Map<string, string>();
  const out: ValidOp[] = [];
  for (const group of file.payload.groups) {
    for (const op of group.ops) {
      const ref = { id: op.id, entity: op.entity, rowId: op.rowId, field: op.field };
      const fail = (reason: RejectReason, detail: string, problem?: string) =>
        new PackageError(
          reason,
          `operation ${op.id} (${op.entity}.${op.field} of ${op.rowId}): ${detail}`,
          ref,
          problem,
        );
      if (!isEntity(op.entity)) throw fail('unknown-operation', 'unknown entity');
      const entity = entitySpec(op.entity);
      const spec = Object.hasOwn(entity.fields, op.field) ? entity.fields[op.field] : undefined;
      if (!spec) throw fail('unknown-operation', 'unknown field');
      const parsed = spec.schema.safeParse(op.value);
      if (!parsed.success) {
        const problem = parsed.error.issues[0]?.message ?? 'validation.invalid';
        throw fail(VALUE_REASONS[problem] ?? 'bad-value', problem, problem);
      }
      if (entity.discriminator === null) {
        if (op.rowId !== planId) throw fail('foreign-row', "another plan's header");
      } else {
        if (op.field === 'planId' && parsed.data !== planId) throw fail('foreign-row', 'moves a row to another plan');
        let kind = kinds.get(op.rowId);
        if (kind === undefined) {
          const existing = stored.row(op.rowId);
          // A row of this workspace that belongs to another plan ('' is a row whose plan edit has not arrived).
          if (existing && existing.plan_id !== planId && existing.plan_id !== '') {
            throw fail('foreign-row', 'row of another plan');
          }
          kind = existing?.entity ?? op.entity;
          kinds.set(op.rowId, kind);
        }
        if (kind !== op.entity) throw fail('foreign-row', `row ${op.rowId} is a ${kind}`);
      }
      out.push({
        id: op.id,
        grp: group.id,
        hlc: op.hlc,
        actor: group.actor,
        entity: op.entity,
        spec,
        rowId: op.rowId,
        field: op.field,
        value: parsed.data,
        seen: op.seen,
      });
    }
  }
  return out;
}

/** What an operation is, whoever sends it: its id, cell and value. */
function fingerprint(op: { id: string; entity: string; rowId: string; field: string; value: unknown }): string {
  return canonicalJson([op.id, op.entity, op.rowId, op.field, op.value ?? null]);
}

/**
 * One clock per installation: every operation has its own HLC, so an HLC (which names its installation) seen
 * before, here (earlier packages of the import included) or earlier in the package, must come with the same
 * operation. Two values under one HLC of one
 * field would leave last-writer-wins a tie that arrival order breaks, and replicas would disagree. An operation
 * id seen before must likewise carry the same content. Each field's operations are read once, and kept for the
 * apply step, which judges an arriving operation against them (apply.ts).
 */
function checkClocks(ops: readonly ValidOp[], stored: Stored): { here: Set<string>; cells: Map<string, Cell> } {
  const fields = new Map<string, ValidOp>();
  for (const op of ops) if (!fields.has(cellKey(op))) fields.set(cellKey(op), op);
  const { cells, byId } = stored.ops(
    [...fields.values()],
    ops.map((op) => op.id),
  );
  const seen = new Map<string, ValidOp>();
  const here = new Set<string>();
  for (const op of ops) {
    const cell = cells.get(cellKey(op))!;
    const sameId = byId.get(op.id);
    if (sameId !== undefined) here.add(op.id);
    const sameHlc = cell.get(op.hlc);
    const earlier = seen.get(op.hlc);
    // Fingerprints only where this HLC or id was seen before: most operations of an import are new.
    const known = [
      earlier === undefined ? undefined : fingerprint(earlier),
      sameId === undefined
        ? undefined
        : sameId.hlc !== op.hlc
          ? ''
          : fingerprint({
              id: sameId.id,
              entity: sameId.entity,
              rowId: sameId.row_id,
              field: sameId.field,
              value: JSON.parse(sameId.value),
            }),
      sameHlc === undefined ? undefined : fingerprint({ ...op, id: sameHlc.id, value: JSON.parse(sameHlc.value) }),
    ];
    const mine = known.some((k) => k !== undefined) ? fingerprint(op) : undefined;
    const ref = { id: op.id, entity: op.entity, rowId: op.rowId, field: op.field };
    if (known.some((k) => k !== undefined && k !== mine)) {
      throw new PackageError(
        'hlc-reused',
        `operation ${op.id} (${op.entity}.${op.field} of ${op.rowId}): HLC ${op.hlc} or its id already here with other content`,
        ref,
      );
    }
    seen.set(op.hlc, op);
  }
  refuseClocksOfOthers(ops, here, stored);
  return { here, cells };
}

/**
 * The same clock as an operation here of another field (its id differs; one of the same field was refused
 * above): looked up among the operations of the clock's installation only, so a package of an office new here
 * costs one index probe. Earlier files of the same import are in the op log by now, so this finds them too, and
 * names the file the operation came in.
 */
function refuseClocksOfOthers(ops: readonly ValidOp[], here: ReadonlySet<string>, stored: Stored): void {
  const fresh = ops.filter((op) => !here.has(op.id));
  if (fresh.length === 0) return;
  const found = stored.clocks(fresh);
  for (const op of fresh) {
    const other = found.get(op.hlc);
    if (other === undefined || other.id === op.id) continue;
    throw new PackageError(
      'hlc-reused',
      `operation ${op.id} (${op.entity}.${op.field} of ${op.rowId}): HLC ${op.hlc} is that of operation ${other.id} (${other.entity}.${other.field} of ${other.row_id})${other.file === null ? '' : ` of ${other.file}`}`,
      { id: op.id, entity: op.entity, rowId: op.rowId, field: op.field },
      undefined,
      undefined,
      other.file ?? undefined,
    );
  }
}
