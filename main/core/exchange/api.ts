import { z } from 'zod';
import { Uuid } from '../fields.ts';
import { Row } from '../rows.ts';
import { OfficeCode, OfficeIdentity, OfficeName, OfficeRole, PublicKey } from './identity.ts';

/**
 * What the exchange channels of the IPC contract (core/contract.ts) take and return. Messages shown to the
 * user are locale keys under `exchange` (resources/locales/<lang>.exchange.json); `detail` is English for logs.
 */

const RowRef = z.string().min(1).max(200);

/** Which parts of the plan an office fills in: its factors (factor.sourceOfficeId), KPIs' actuals, projects. */
export const Assignment = z
  .object({
    officeCode: OfficeCode,
    officeName: OfficeName,
    /** The SWOT factors whose source is this office (rows of entity factor with sourceOfficeId = its office row). */
    factors: z.boolean(),
    /** prevKpi rows (actuals of the previous plan) or kpi rows whose figures the office reports. */
    kpiIds: z.array(RowRef).max(2000),
    /** project rows the office writes. */
    projectIds: z.array(RowRef).max(2000),
  })
  .strict();
export type Assignment = z.infer<typeof Assignment>;
export const Assignments = z.array(Assignment).max(500);

/** Why a package was refused; the UI shows `exchange.errors.<reason>`. */
export const RejectReason = z.enum([
  'too-large', // over MAX_PACKAGE_BYTES
  'unreadable', // the file could not be read (no permission, locked, gone while reading)
  'damaged', // not UTF-8 or not JSON: cut off in transit, or damaged on disk
  'not-package', // JSON, but not a Phaen package
  'checksum', // the SHA-256 does not match: changed or damaged after it was written
  'newer-version', // written by a newer Phaen
  'older-version', // written by an older Phaen, unsigned (format version 1)
  'signature', // the signature does not match the sender's key: forged, or altered after signing
  'key-changed', // signed by another key than the one registered for that office (or the plan's secretariat)
  'too-deep', // values nested deeper than MAX_JSON_DEPTH (built to overflow the reader's stack)
  'invalid', // a Phaen package of this version, but a required part is missing or malformed
  'reused-package-id', // a package id already imported here, with other content
  'other-plan', // for a plan other than the one open, or for a plan not in this workspace
  'unknown-operation', // an operation type, entity or field this version does not know
  'bad-value', // a value its field's rule (core) refuses
  'too-long', // a text longer than its field allows
  'year-out-of-range', // a B.E. year outside the years Phaen accepts at all
  'bad-parent', // a row under a parent that is missing, of another plan or of a kind it cannot hang under
  'id-mismatch', // a fixed-id row (a KPI's or budget's year, a link) whose id disagrees with its fields
  'year-outside-plan', // a target or budget year outside the plan's years (or a budget outside its project's)
  'copied-installation', // operations under this installation's own id that it never wrote: a copied data folder
  'hlc-reused', // an operation with the clock of one already here from that installation, but other content
  'foreign-row', // an operation on a row of another plan or of another kind
  'secretariat-only', // a contribution changing the plan's header or deleting the plan: the secretariat's alone
  'outside-assignment', // a contribution writing rows outside the parts assigned to its office
  'unrevised-change', // a change of a target frozen since adoption without a revision (core/revision.ts)
  'claims-secretariat', // the sender claims the secretariat's identity
  'unknown-office', // from an office neither assigned nor acknowledged
  'wrong-sender', // a plan package from a contributor, or a contribution from the secretariat
  'clock-ahead', // the sender's clock is far in the future (its PC date is wrong)
  'catalog-conflict', // carries a catalog version named like one here but with other content
]);
export type RejectReason = z.infer<typeof RejectReason>;

export const PackageKind = z.enum(['plan', 'contribution']);
export type PackageKind = z.infer<typeof PackageKind>;

export const OfficeRef = z.object({ code: z.string(), name: z.string(), role: OfficeRole });
export type OfficeRef = z.infer<typeof OfficeRef>;

/** The office of one installation (an actor of the op log), as its packages named it, or this one's own. */
export const ActorOffice = OfficeRef.extend({ actor: z.string() });
export type ActorOffice = z.infer<typeof ActorOffice>;

/** One file of an import: imported, already here (nothing changed), or refused (nothing written). */
export const PackageOutcome = z.object({
  /** The file's name (not its folder), to show. */
  file: z.string(),
  status: z.enum(['imported', 'already-imported', 'rejected']),
  reason: RejectReason.optional(),
  /** English, for logs. */
  detail: z.string().optional(),
  /** The refused operation, when one operation is the reason. */
  operation: z.object({ id: z.string(), entity: z.string(), rowId: z.string(), field: z.string() }).optional(),
  /** The field rule's message key (validation.*) when a value was refused. */
  problem: z.string().optional(),
  /** The values the problem's message names (the plan's rating scale, years, the KPI's unit). */
  problemValues: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /**
   * The file that brought the package id or the clock first, when a package reuses one with other content:
   * an earlier file of the same import, or the one recorded when it arrived here before.
   */
  earlier: z.string().optional(),
  /** Known once the manifest could be read. */
  packageId: Uuid.optional(),
  kind: PackageKind.optional(),
  planId: Uuid.optional(),
  planTitle: z.string().optional(),
  sender: OfficeRef.optional(),
  /** The key the package was signed with and its short fingerprint to confirm by phone (services/signing.ts). */
  senderKey: z.string().optional(),
  fingerprint: z.string().optional(),
  exportedAt: z.string().optional(),
  opCount: z.number().int().nonnegative(),
  /** Operations this workspace did not have. */
  newOps: z.number().int().nonnegative(),
  /** Fields whose shown value changed. */
  changedCells: z.number().int().nonnegative(),
  /** Fields that now hold concurrent edits to resolve. */
  conflicts: z.number().int().nonnegative(),
});
export type PackageOutcome = z.infer<typeof PackageOutcome>;

export const ImportReport = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('done'),
    packages: z.array(PackageOutcome),
    /** Plans that received operations (a plan package may bring a new plan). */
    planIds: z.array(Uuid),
  }),
  z.object({ status: z.literal('cancelled') }),
]);
export type ImportReport = z.infer<typeof ImportReport>;

export const ExchangeExportResult = z.discriminatedUnion('status', [
  /** Written by main: to the file chosen in its dialog, or into the shared folder. */
  z.object({ status: z.literal('saved'), fileName: z.string(), kind: PackageKind, opCount: z.number().int() }),
  /** No dialog (browser bridge): the renderer offers the content as a download. */
  z.object({
    status: z.literal('download'),
    fileName: z.string(),
    content: z.string(),
    kind: PackageKind,
    opCount: z.number().int(),
  }),
  z.object({ status: z.literal('cancelled') }),
]);
export type ExchangeExportResult = z.infer<typeof ExchangeExportResult>;

export const FolderStatus = z.object({
  /** The shared folder (for display; the renderer never sends a path), or null when none is set. */
  path: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  /**
   * What the app's own sync found when it last started with this database (the files new since the sync
   * before it), so the user sees what arrived without pressing anything; null when that sync did not run.
   */
  atStart: z.object({ at: z.string(), packages: z.array(PackageOutcome) }).nullable(),
});
export type FolderStatus = z.infer<typeof FolderStatus>;

export const ExchangeStatus = z.object({
  planId: Uuid,
  identity: OfficeIdentity.nullable(),
  /** The secretariat this plan came from (an office), or this installation when it sent the plan. */
  secretariat: OfficeRef.nullable(),
  assignments: Assignments,
  lastExport: z.object({ seq: z.number().int(), at: z.string(), fileName: z.string() }).nullable(),
  /** This installation's key fingerprint, for the secretariat to confirm by phone. */
  fingerprint: z.string(),
  /** This office's operations on the plan that the secretariat has not yet confirmed receiving. */
  unconfirmedOps: z.number().int().nonnegative(),
  /** The rows those operations write (ids): what the secretariat may not have yet (core/arrivals.ts reminders). */
  unconfirmedRowIds: z.array(z.string()),
  /** This office's edits outside its assigned parts (and of the plan's header): kept here, never sent. */
  heldOps: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  folder: FolderStatus,
});
export type ExchangeStatus = z.infer<typeof ExchangeStatus>;

/** One package as it arrived here. */
export const Arrival = z.object({
  id: Uuid,
  kind: PackageKind,
  office: OfficeRef,
  fileName: z.string(),
  exportedAt: z.string(),
  importedAt: z.string(),
  opCount: z.number().int(),
  newOps: z.number().int(),
  changedCells: z.number().int(),
  conflicts: z.number().int(),
});
export type Arrival = z.infer<typeof Arrival>;

/** Per office: assigned and/or acknowledged, and what it has sent. */
export const OfficeSummary = z.object({
  code: z.string(),
  name: z.string(),
  assigned: z.boolean(),
  acknowledged: z.boolean(),
  /** The fingerprint of the key registered for the office (its first accepted contribution), or null. */
  fingerprint: z.string().nullable(),
  arrivals: z.number().int(),
  lastArrivalAt: z.string().nullable(),
});
export type OfficeSummary = z.infer<typeof OfficeSummary>;

export const ArrivalsView = z.object({ offices: z.array(OfficeSummary), arrivals: z.array(Arrival) });
export type ArrivalsView = z.infer<typeof ArrivalsView>;

/** An operation a package brought; `current` false when a newer edit of the field (here before, or since) won. */
export const ArrivalChange = z.object({
  entity: z.string(),
  rowId: z.string(),
  field: z.string(),
  value: z.unknown(),
  /** When it was written (its HLC's wall clock), ISO. */
  at: z.string(),
  current: z.boolean(),
});
export type ArrivalChange = z.infer<typeof ArrivalChange>;
export const MAX_ARRIVAL_CHANGES = 2000;
export const ArrivalChanges = z.object({ changes: z.array(ArrivalChange), total: z.number().int() });

/** One of the concurrent values of a field: who wrote it and when. */
export const ConflictValue = z.object({
  opId: z.string(),
  at: z.string(),
  office: OfficeRef.nullable(),
  value: z.unknown(),
  /** The value the plan shows now (last writer wins until someone resolves). */
  winner: z.boolean(),
});
export type ConflictValue = z.infer<typeof ConflictValue>;

/** A field edited by two or more offices that had not seen each other's edit; the winner first. */
export const Conflict = z.object({
  entity: z.string(),
  rowId: z.string(),
  field: z.string(),
  values: z.array(ConflictValue).min(2),
});
export type Conflict = z.infer<typeof Conflict>;

/**
 * A delete that met an edit (core/exchange/deletes.ts): a live row under a deleted parent ('orphan'), or a deleted
 * row another office edited after the delete ('edited'). Resolved by restoring the deleted row or confirming the
 * delete.
 */
export const DeleteConflict = z.object({
  kind: z.enum(['orphan', 'edited']),
  entity: z.string(),
  rowId: z.string(),
  deleted: z.object({ entity: z.string(), rowId: z.string(), at: z.string(), office: OfficeRef.nullable() }),
  edited: z.object({ field: z.string(), at: z.string(), office: OfficeRef.nullable() }),
  /** The row and the deleted rows above it, live or not, so that screens can name them. */
  rows: z.array(Row),
});
export type DeleteConflict = z.infer<typeof DeleteConflict>;

const PlanRef = z.object({ planId: Uuid }).strict();
/** Files in one exchange.import request (upload.ts groups more into several). */
export const MAX_IMPORT_REQUEST_FILES = 200;
const Upload = z.object({ name: z.string().min(1).max(300), content: z.string() }).strict();

/** The exchange channels, merged into core/contract.ts. */
export const exchangeChannels = {
  /** Identity, secretariat, assignments, last export, unconfirmed operations, conflicts, shared folder. */
  'exchange.status': { input: PlanRef, output: ExchangeStatus },
  /** Secretariat only: who fills which parts; sent with the next plan package. */
  'exchange.setAssignments': {
    input: z.object({ planId: Uuid, assignments: Assignments }).strict(),
    output: ExchangeStatus,
  },
  /**
   * Secretariat: the plan package (the plan so far and the assignments; also the update package). Office: the
   * contribution (its operations the secretariat has not confirmed). `to: 'folder'` writes into the shared folder.
   */
  'exchange.export': {
    input: z.object({ planId: Uuid, to: z.enum(['file', 'folder']) }).strict(),
    output: ExchangeExportResult,
  },
  /**
   * Import packages: uploaded contents (browser), or without `files` one file chosen in main's dialog. With
   * planId, packages for another plan are refused. Every file is checked before anything is written; the good
   * ones are applied in one transaction, each refused one is reported with its reason.
   */
  'exchange.import': {
    input: z
      .object({ planId: Uuid.optional(), files: z.array(Upload).min(1).max(MAX_IMPORT_REQUEST_FILES).optional() })
      .strict(),
    output: ImportReport,
  },
  /** Import every package in a folder chosen in main's dialog (Electron only). */
  'exchange.importFolder': { input: z.object({ planId: Uuid.optional() }).strict(), output: ImportReport },
  /**
   * Accept packages from an office that is not in the assignments (after an `unknown-office` refusal); with
   * publicKey (after a `key-changed` refusal, its fingerprint confirmed with the office), register that key as
   * the office's in place of the old one.
   */
  'exchange.acknowledgeOffice': {
    input: z.object({ planId: Uuid, code: OfficeCode, name: OfficeName, publicKey: PublicKey.optional() }).strict(),
    output: ExchangeStatus,
  },
  /**
   * Office: confirm the secretariat's new key (it moved to another computer; its fingerprint checked by phone),
   * after a plan package was refused as 'key-changed'; then import the package again.
   */
  'exchange.acceptSecretariatKey': {
    input: z.object({ planId: Uuid, publicKey: PublicKey }).strict(),
    output: ExchangeStatus,
  },
  /** Per office what arrived and when, newest first. */
  'exchange.arrivals': { input: PlanRef, output: ArrivalsView },
  /** What one arrival changed (at most MAX_ARRIVAL_CHANGES; total says how many there were). */
  'exchange.arrivalChanges': { input: z.object({ arrivalId: Uuid }).strict(), output: ArrivalChanges },
  'exchange.conflicts': { input: PlanRef, output: z.array(Conflict) },
  /**
   * Resolve a conflict by choosing one of its values or writing a new one: an operation of this office that
   * supersedes all the concurrent values, travels in the next package, and can be undone. Returns what is left.
   */
  'exchange.resolve': {
    input: z
      .object({
        planId: Uuid,
        entity: z.string().min(1).max(50),
        rowId: RowRef,
        field: z.string().min(1).max(100),
        value: z.unknown(),
      })
      .strict(),
    output: z.array(Conflict),
  },
  /** Deletes that met edits or new rows, oldest delete first. */
  'exchange.deleteConflicts': { input: PlanRef, output: z.array(DeleteConflict) },
  /**
   * Settle a delete conflict: `keep` restores the deleted row (and its ancestors and the rows deleted with them);
   * otherwise the delete is confirmed (the new row and what is under it deleted, or the edited row's delete
   * written again after the edit). Written as this office's edit, like a field's resolution.
   */
  'exchange.resolveDelete': {
    input: z.object({ planId: Uuid, rowId: RowRef, keep: z.boolean() }).strict(),
    output: z.array(DeleteConflict),
  },
  /** Every installation whose office is known here: "entered by" and history name offices, not ids. */
  'exchange.offices': { input: z.object({}).strict(), output: z.array(ActorOffice) },
  /** The shared folder, if any (the app shell syncs it at start when there is one). */
  'exchange.folder.get': { input: z.object({}).strict(), output: FolderStatus },
  /** Choose the shared folder with main's dialog (Electron only); then exchange.folder.sync imports what is there. */
  'exchange.folder.choose': { input: z.object({}).strict(), output: FolderStatus },
  'exchange.folder.clear': { input: z.object({}).strict(), output: FolderStatus },
  /** Import new packages found in the shared folder (on demand; the app also does it at start). */
  'exchange.folder.sync': { input: z.object({}).strict(), output: ImportReport },
} as const;
