import { z } from 'zod';
import { Catalog, catalogKey, isLocalVersion } from '../catalog.ts';
import { Uuid } from '../fields.ts';
import { MAX_DRIFT_MS, hlcNode, parseHlc } from '../hlc.ts';
import type { PackageOutcome, RejectReason } from './api.ts';
import { PackageKind, Assignments } from './api.ts';
import { MAX_JSON_DEPTH, canonicalJson, nestsDeeperThan } from './canonical.ts';
import { OfficeCode, OfficeName, OfficeRole, PublicKey } from './identity.ts';
import { manifestText, sealedInput } from './layout.ts';

/**
 * The exchange package: one JSON file (`<seq>.phaen-package`) with a manifest and a payload of operations.
 * resources/schema/exchange-package.schema.json is generated from this module (`npm run schema`) and a test
 * keeps the two equal.
 *
 * Kinds: a plan package comes from the secretariat and carries the plan so far (the edits that stand for every
 * field, with their causal context, core/exchange/merge.ts) and the assignments; the same kind is the update
 * package sent back later. A contribution comes from an office and carries its own operations on the plan from
 * the point the secretariat last confirmed, so a lost package is sent again by the next one.
 */
export const PACKAGE_FORMAT = 'phaen.exchange';
/**
 * 2: every package is signed (Ed25519) and names its sender's public key. A version 1 package (unsigned, from
 * an older Phaen) is refused as 'older-version'; an older Phaen refuses a version 2 one as newer.
 */
export const PACKAGE_VERSION = 2;
export const PACKAGE_EXTENSION = '.phaen-package';
/** Larger files are refused before they are read: a 10,000-row plan package is far below it (see the bench). */
export const MAX_PACKAGE_BYTES = 64 * 1024 * 1024;

/** A plan aligns to one version per catalog: far fewer than this (7 catalogs ship). */
const MAX_PACKAGE_CATALOGS = 100;

const HLC_TEXT = /^\d{15}-[0-9a-f]{6}-[0-9a-f-]{1,64}$/;
export const HlcText = z.string().regex(HLC_TEXT);

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** An Ed25519 signature: 64 bytes in base64url (86 characters). */
const Signature = z.string().regex(/^[A-Za-z0-9_-]{86}$/);
/** An installation's id (the store's office id, a UUID): the node of its HLCs. */
const Actor = z.string().regex(/^[0-9a-f-]{1,64}$/);

export const PackageOp = z
  .object({
    id: Uuid,
    /** Only "set" (write a field's value) exists in version 1. */
    type: z.enum(['set']),
    hlc: HlcText,
    entity: z.string().min(1).max(50),
    rowId: z.string().min(1).max(200),
    field: z.string().min(1).max(100),
    /** Checked against the field's schema (main/services/store/entities.ts) like a local edit. */
    value: z.unknown(),
    /** Causal context: per other office the newest edit of this field its writer had seen. */
    seen: z.array(HlcText).max(1000),
  })
  .strict()
  .meta({ description: 'One field edit. value must fit the field of the entity (plan or a row entity).' });
export type PackageOp = z.infer<typeof PackageOp>;

export const PackageGroup = z
  .object({
    id: Uuid,
    hlc: HlcText,
    /** The installation that made the edits: the node of every HLC in the group. */
    actor: Actor,
    label: z.string().max(200),
    ops: z.array(PackageOp),
  })
  .strict()
  .meta({ description: 'One user action (an undo group) of one office.' });
export type PackageGroup = z.infer<typeof PackageGroup>;

export const PackageOffice = z
  .object({
    actor: Actor,
    code: OfficeCode,
    name: OfficeName,
    role: OfficeRole,
    /**
     * The installation's signing key: the sender's own always; in a plan package also each writer's key as the
     * secretariat registered it (null for one it has none of), so offices learn their peers' keys.
     */
    publicKey: PublicKey.nullable(),
  })
  .strict();
export type PackageOffice = z.infer<typeof PackageOffice>;

export const Manifest = z
  .object({
    packageId: Uuid,
    kind: PackageKind,
    planId: Uuid,
    planTitle: z.string().max(500),
    sender: PackageOffice,
    /** The sender's running number for this plan. */
    seq: z.number().int().min(1),
    exportedAt: z.iso.datetime(),
    /** Oldest and newest HLC of the operations (null when there are none). */
    hlcRange: z.object({ first: HlcText.nullable(), last: HlcText.nullable() }).strict(),
    opCount: z.number().int().nonnegative(),
    /** Contribution: the sender's own operations after `from` (exclusive) up to `to` are all here. */
    covers: z.object({ from: HlcText.nullable(), to: HlcText.nullable() }).strict(),
    /** Plan package: per actor, the HLC up to which the secretariat has that office's operations. */
    confirmed: z.record(Actor, HlcText),
    /** SHA-256 (hex) of the canonical JSON of the whole package without this field: covers the payload. */
    sha256: Sha256,
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

export const Payload = z
  .object({
    /** Office of every actor that wrote an operation here, so the receiver can say who wrote what. */
    offices: z.array(PackageOffice).max(10_000),
    /** Plan package only: who fills which parts. */
    assignments: Assignments.nullable(),
    groups: z.array(PackageGroup),
    /**
     * Plan package only, absent when empty: the framework catalog versions saved by a user (`…+local.<n>`)
     * that the plan's planOptions.frameworkCatalogs names, so a receiver aligns and prints against the same
     * entries. Shipped versions are not carried: every installation has them. Optional, so packages written
     * before it stay valid under the same format version.
     */
    catalogs: z
      .array(
        Catalog.refine((c) => isLocalVersion(c.version), {
          path: ['version'],
          message: 'only user-saved (+local.<n>) catalog versions travel in a package',
        }),
      )
      .max(MAX_PACKAGE_CATALOGS)
      .meta({ description: 'User-saved framework catalog versions (version ends in +local.<n>) the plan aligns to.' })
      .optional(),
  })
  .strict();
export type Payload = z.infer<typeof Payload>;

export const PackageFile = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(PACKAGE_VERSION),
    manifest: Manifest,
    payload: Payload,
    /** Ed25519 signature by manifest.sender.publicKey over the checksum's input (checksumInput). */
    signature: Signature,
  })
  .strict()
  .meta({
    $id: 'https://phaen.local/schema/exchange-package.schema.json',
    title: 'Phaen exchange package',
    description:
      'Operations of one plan sent between an office and the secretariat (Phaen, แผน). Serialised as canonical JSON.',
  });
export type PackageFile = z.infer<typeof PackageFile>;

export function exchangePackageJsonSchema(): unknown {
  return z.toJSONSchema(PackageFile, { io: 'input', target: 'draft-2020-12' });
}

/** A package before its checksum and signature are known. */
export type UnsealedPackage = Omit<PackageFile, 'manifest' | 'signature'> & { manifest: Omit<Manifest, 'sha256'> };

/**
 * The text the checksum and the signature are taken over: the package in canonical JSON with manifest.sha256
 * and the signature left out. One text for both, so a package is serialised canonically once to check it.
 */
export function checksumInput(file: UnsealedPackage): string {
  const { sha256: _omit, ...manifest } = file.manifest as Manifest;
  const { signature: _unsigned, ...rest } = file as Partial<PackageFile>;
  return canonicalJson({ ...rest, manifest });
}

/** The file's text: canonical JSON, one line. */
export function serialisePackage(file: PackageFile): string {
  return `${canonicalJson(file)}\n`;
}

/** The operation a refusal is about, as reports name it. */
export type OperationRef = NonNullable<PackageOutcome['operation']>;

export class PackageError extends Error {
  override readonly name = 'PackageError';
  readonly reason: RejectReason;
  readonly detail: string;
  readonly operation: OperationRef | undefined;
  /** The field rule's message key (validation.*), when a value was refused. */
  readonly problem: string | undefined;
  /** The values the problem's message names (core/validity.ts problemValues). */
  readonly problemValues: Readonly<Record<string, string | number>> | undefined;
  /** The file an earlier package with the same package id or clock came from, when that is the reason. */
  readonly earlier: string | undefined;

  constructor(
    reason: RejectReason,
    detail: string,
    operation?: OperationRef,
    problem?: string,
    problemValues?: Readonly<Record<string, string | number>>,
    earlier?: string,
  ) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
    this.detail = detail;
    this.operation = operation;
    this.problem = problem;
    this.problemValues = problemValues;
    this.earlier = earlier;
  }
}

const Head = z.object({ format: z.literal(PACKAGE_FORMAT), version: z.number() });
const Sealed = z.object({ manifest: z.object({ sha256: z.string() }), payload: z.unknown(), signature: z.unknown() });

export interface ParseOptions {
  /** SHA-256 of the bytes, hex (node:crypto in main). */
  readonly sha256: (data: Uint8Array) => string;
  /** Whether `signature` is publicKey's Ed25519 signature of the bytes (node:crypto in main). */
  readonly verify: (publicKey: string, data: Uint8Array, signature: string) => boolean;
  readonly nowMs: number;
}

/**
 * Read and check a package's bytes, everything that does not need the database: size, encoding, JSON, format
 * and version, checksum, then schema and the rules no schema states. Throws PackageError with the reason.
 */
export function parsePackage(bytes: Uint8Array, options: ParseOptions): PackageFile {
  if (bytes.byteLength > MAX_PACKAGE_BYTES) {
    throw new PackageError('too-large', `${bytes.byteLength} bytes, limit ${MAX_PACKAGE_BYTES}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PackageError('damaged', 'not UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PackageError('damaged', `not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Before the checksum and the schema, which both walk the value recursively.
  if (nestsDeeperThan(json, MAX_JSON_DEPTH)) {
    throw new PackageError('too-deep', `values nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  const head = Head.safeParse(json);
  if (!head.success) throw new PackageError('not-package', 'no phaen.exchange format marker');
  if (head.data.version > PACKAGE_VERSION) {
    throw new PackageError('newer-version', `version ${head.data.version}; this app reads ${PACKAGE_VERSION}`);
  }
  if (head.data.version < PACKAGE_VERSION) {
    throw new PackageError(
      'older-version',
      `version ${head.data.version} (unsigned); this app reads ${PACKAGE_VERSION}`,
    );
  }
  const sealed = Sealed.safeParse(json);
  if (!sealed.success) throw new PackageError('invalid', 'no manifest checksum');
  const expected = sealed.data.manifest.sha256;
  // A file as Phaen writes it holds the checksum's input in its own bytes (layout.ts), which spares
  // serialising the whole package again; any other layout of the same package (or a damaged file, to say what
  // its checksum is) is serialised canonically, as it was sealed.
  const cut = sealedInput(bytes);
  const sameBytes =
    cut !== null &&
    cut.sha256 === expected &&
    cut.signature === sealed.data.signature &&
    options.sha256(cut.input) === expected;
  const input = sameBytes ? cut.input : new TextEncoder().encode(checksumInput(json as PackageFile));
  const actual = sameBytes ? expected : options.sha256(input);
  if (actual !== expected) throw new PackageError('checksum', `sha256 ${actual}, manifest says ${expected}`);

  const parsed = PackageFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    // An operation type this version does not know is its own refusal, not a malformed file.
    const reason = /^payload\.groups\.\d+\.ops\.\d+\.type$/.test(path) ? 'unknown-operation' : 'invalid';
    throw new PackageError(reason, `${path}: ${issue.message}`, operationAt(json, issue.path));
  }
  // Whoever holds the sender's private key wrote exactly these bytes. Who that key may speak for is the
  // receiver's question (services/exchange/validate.ts: registered keys).
  const { publicKey } = parsed.data.manifest.sender;
  if (publicKey === null || !options.verify(publicKey, input, parsed.data.signature)) {
    throw new PackageError('signature', `signature does not match the sender's key ${publicKey ?? '(none)'}`);
  }
  checkConsistency(parsed.data, options.nowMs);
  return parsed.data;
}

const Order = z.object({ kind: PackageKind, seq: z.number(), exportedAt: z.string() });
export type PackageOrder = z.infer<typeof Order>;

/**
 * What an import orders packages by (kind, seq, exportedAt), read from the manifest alone where the file is
 * laid out as Phaen writes it, so that a folder's packages need not all be parsed at once to be ordered. Null
 * when the file is no readable package: parsePackage then says why.
 */
export function packageOrder(bytes: Uint8Array): PackageOrder | null {
  let manifest: unknown;
  try {
    const text = manifestText(bytes);
    manifest =
      text === null
        ? (JSON.parse(new TextDecoder().decode(bytes)) as { manifest?: unknown } | null)?.manifest
        : JSON.parse(text);
  } catch {
    return null;
  }
  const order = Order.safeParse(manifest);
  return order.success ? order.data : null;
}

/** What the schema cannot say: counts, ranges, authorship, causal contexts, clocks (well formed: HlcText). */
function checkConsistency(file: PackageFile, nowMs: number): void {
  const { manifest, payload } = file;
  const invalid = (detail: string, op?: PackageOp) =>
    new PackageError('invalid', detail, op && { id: op.id, entity: op.entity, rowId: op.rowId, field: op.field });
  let count = 0;
  let first: string | null = null;
  let last: string | null = null;
  const opIds = new Set<string>();
  const groupIds = new Set<string>();
  const actors = new Set(payload.offices.map((o) => o.actor));
  for (const group of payload.groups) {
    if (groupIds.has(group.id)) throw invalid(`group ${group.id} twice`);
    groupIds.add(group.id);
    if (hlcNode(group.hlc) !== group.actor) throw invalid(`group ${group.id}: HLC of another actor`);
    if (!actors.has(group.actor)) throw invalid(`group ${group.id}: actor without an office`);
    for (const op of group.ops) {
      count++;
      if (opIds.has(op.id)) throw invalid(`operation ${op.id} twice`, op);
      opIds.add(op.id);
      if (hlcNode(op.hlc) !== group.actor) throw invalid(`operation ${op.id}: HLC of another actor`, op);
      const seenActors = new Set<string>();
      for (const s of op.seen) {
        const who = hlcNode(s);
        if (s >= op.hlc || who === group.actor || seenActors.has(who)) {
          throw invalid(`operation ${op.id}: causal context not before it`, op);
        }
        seenActors.add(who);
      }
      if (first === null || op.hlc < first) first = op.hlc;
      if (last === null || op.hlc > last) last = op.hlc;
    }
  }
  if (count !== manifest.opCount) throw invalid(`opCount ${manifest.opCount}, payload has ${count}`);
  if (first !== manifest.hlcRange.first || last !== manifest.hlcRange.last) throw invalid('hlcRange does not match');
  if (last !== null && parseHlc(last).wallMs - nowMs > MAX_DRIFT_MS) {
    throw new PackageError('clock-ahead', `newest operation ${last} is ahead of now (${nowMs})`);
  }
  const sender = payload.offices.find((o) => o.actor === manifest.sender.actor);
  if (!sender || canonicalJson(sender) !== canonicalJson(manifest.sender)) {
    throw invalid('sender missing from offices or different there');
  }
  const otherSecretariat = (o: PackageOffice) =>
    o.role === 'secretariat' &&
    o.actor !== manifest.sender.actor &&
    // A secretariat that moved to a new computer names its earlier installation, under its own code.
    !(manifest.kind === 'plan' && o.code === manifest.sender.code);
  if (payload.offices.some(otherSecretariat)) {
    // Only a secretariat's own package may name it: a contribution must not lend itself its authority.
    throw new PackageError('claims-secretariat', 'the office list names a secretariat other than the sender');
  }
  if ((manifest.kind === 'plan') !== (manifest.sender.role === 'secretariat')) {
    throw new PackageError('wrong-sender', `${manifest.kind} package from a ${manifest.sender.role}`);
  }
  if ((manifest.kind === 'plan') !== (payload.assignments !== null)) throw invalid('assignments only in plan packages');
  const catalogs = payload.catalogs ?? [];
  if (manifest.kind !== 'plan' && catalogs.length > 0) throw invalid('catalogs only in plan packages');
  const catalogKeys = new Set(catalogs.map((c) => catalogKey(c.id, c.version)));
  if (catalogKeys.size !== catalogs.length) throw invalid('a catalog version twice');
  if (manifest.kind === 'contribution') {
    for (const group of payload.groups) {
      if (group.actor !== manifest.sender.actor) throw invalid('a contribution carries its sender’s operations only');
    }
  }
}

/**
 * The operation a schema refusal lies in (its path under payload.groups.<g>.ops.<o>), as far as it names itself:
 * the refusal then names the operation and its field like any other. Undefined outside an operation, or when the
 * operation's own names are what is malformed.
 */
function operationAt(json: unknown, path: readonly PropertyKey[]): OperationRef | undefined {
  const [payload, groups, g, ops, o] = path;
  if (payload !== 'payload' || groups !== 'groups' || ops !== 'ops') return undefined;
  const op = (json as { payload?: { groups?: { ops?: unknown[] }[] } }).payload?.groups?.[Number(g)]?.ops?.[Number(o)];
  const ref = PackageOp.pick({ id: true, entity: true, rowId: true, field: true }).strip().safeParse(op);
  return ref.success ? ref.data : undefined;
}
