import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PackageOutcome } from '../../core/exchange/api.ts';
import {
  MAX_PACKAGE_BYTES,
  PACKAGE_EXTENSION,
  PackageError,
  packageOrder,
  parsePackage,
  type PackageFile,
  type PackageOrder,
} from '../../core/exchange/format.ts';
import type { Store } from '../store/store.ts';
import { applyPackage } from './apply.ts';
import { keyFingerprint, verifyText } from '../signing.ts';
import { sha256Bytes } from './export.ts';
import { identity } from './state.ts';
import { Stored } from './stored.ts';
import { checkPackage } from './validate.ts';

/**
 * A file to import: its name, size, and how to read its bytes. The import reads each file when it comes to it
 * (twice: its manifest to order the packages, then the whole to check and apply it), so a folder of large
 * packages is never all in memory at once. A file over the limit is never read; one that cannot be read (gone,
 * locked by a sync engine, no permission) throws PackageError 'unreadable' and is refused by name like any bad
 * file.
 */
export interface IncomingPackage {
  readonly name: string;
  readonly size: number;
  readonly read: () => Uint8Array;
}

/** `name` is what reports show: the file's name, or its path inside a chosen folder. */
export function readIncoming(path: string, name = basename(path)): IncomingPackage {
  const unreadable = (err: unknown) => new PackageError('unreadable', err instanceof Error ? err.message : String(err));
  let size = 0;
  try {
    size = statSync(path).size;
  } catch (err) {
    const error = unreadable(err);
    return {
      name,
      size,
      read: () => {
        throw error;
      },
    };
  }
  return {
    name,
    size,
    read: () => {
      try {
        return readFileSync(path);
      } catch (err) {
        throw unreadable(err);
      }
    },
  };
}

export function incomingText(name: string, content: string): IncomingPackage {
  const bytes = new TextEncoder().encode(content);
  return { name, size: bytes.byteLength, read: () => bytes };
}

/** Package files in a folder and below (a shared folder holds `<plan>/<office>/<file>`), in name order. */
export function packageFilesIn(folder: string, depth = 3): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && depth > 0) out.push(...packageFilesIn(path, depth - 1));
    else if (entry.isFile() && entry.name.endsWith(PACKAGE_EXTENSION)) out.push(path);
  }
  return out;
}

export interface ImportOptions {
  /** Refuse packages for any other plan (the plan open in the UI). */
  readonly planId?: string | undefined;
  readonly now?: Date;
  readonly log?: (message: string) => void;
  /** Runs inside the import's transaction after the packages are applied (the shared folder's file memory). */
  readonly alsoInTransaction?: (outcomes: readonly PackageOutcome[]) => void;
}

export interface ImportResult {
  readonly packages: PackageOutcome[];
  readonly planIds: string[];
}

const EMPTY_COUNTS = { opCount: 0, newOps: 0, changedCells: 0, conflicts: 0 };

function describe(name: string, file: PackageFile): Omit<PackageOutcome, 'status'> {
  const { manifest: m } = file;
  return {
    file: name,
    packageId: m.packageId,
    kind: m.kind,
    planId: m.planId,
    planTitle: m.planTitle,
    sender: { code: m.sender.code, name: m.sender.name, role: m.sender.role },
    // Non-null once parsed: an unsigned package is refused before (core/exchange/format.ts).
    senderKey: m.sender.publicKey!,
    fingerprint: keyFingerprint(m.sender.publicKey!),
    exportedAt: m.exportedAt,
    ...EMPTY_COUNTS,
    opCount: m.opCount,
  };
}

/** Plan packages first (they may bring the plan, its secretariat and assignments), oldest first; then the rest. */
function applyOrder(a: PackageOrder | null, b: PackageOrder | null): number {
  // A file that is no readable package is refused when parsed: first, it costs nothing.
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  const rank = (o: PackageOrder) => (o.kind === 'plan' ? 0 : 1);
  return rank(a) - rank(b) || a.seq - b.seq || (a.exportedAt < b.exportedAt ? -1 : 1);
}

function orderOf(item: IncomingPackage): PackageOrder | null {
  if (item.size > MAX_PACKAGE_BYTES) return null;
  try {
    return packageOrder(item.read());
  } catch (err) {
    if (err instanceof PackageError) return null;
    throw err;
  }
}

/** Thrown out of the import's transaction to roll it back whole when no package was accepted. */
class NothingAccepted extends Error {}

/**
 * Import packages in one transaction, one package at a time: ordered by their manifests alone (applyOrder),
 * then each read and parsed (core parsePackage), checked completely (validate.ts) against the database as the
 * packages before it left it, and only then applied (apply.ts). A refused package is reported with its reason
 * and contributes nothing: its checks write nothing, so there is nothing to roll back (a savepoint per package
 * cost a fifth of a large import's CPU, SQLite copying every page a package touched into its journal). Only
 * one package is in memory at a time (a secretariat's folder of 50 large contributions once held them all:
 * bench/monitoring.ts). With no package accepted, nothing is written at all.
 */
export function importPackages(
  store: Store,
  incoming: readonly IncomingPackage[],
  options: ImportOptions = {},
): ImportResult {
  // A folder of packages touches fields all over a large plan: a larger page cache for the import (its checks
  // and its writes read the same op log pages) keeps the op log's indexes in memory instead of reading them again
  // for every operation.
  const cacheSize = store.db.pragma('cache_size', { simple: true }) as number;
  store.db.pragma(`cache_size = ${IMPORT_CACHE_SIZE}`);
  // The op log's foreign key (an operation's group) holds by construction here: applyPackage inserts a package's
  // groups before its operations, and nothing else the import writes refers to another row. SQLite's check of
  // it, a lookup per operation, was about a tenth of a large import's CPU (bench/exchange.ts). The pragma
  // cannot change inside a transaction, hence around it.
  const foreignKeys = store.db.pragma('foreign_keys', { simple: true }) as number;
  store.db.pragma('foreign_keys = OFF');
  try {
    return importInTransaction(store, incoming, options);
  } finally {
    store.db.pragma(`foreign_keys = ${foreignKeys}`);
    store.db.pragma(`cache_size = ${cacheSize}`);
  }
}

function importInTransaction(store: Store, incoming: readonly IncomingPackage[], options: ImportOptions): ImportResult {
  const now = options.now ?? new Date();
  const outcomes: PackageOutcome[] = [];
  const refuse = (index: number, base: Omit<PackageOutcome, 'status'>, err: PackageError) => {
    options.log?.(`exchange: ${base.file} refused: ${err.message}`);
    outcomes[index] = {
      ...base,
      status: 'rejected',
      reason: err.reason,
      detail: err.detail,
      ...(err.operation ? { operation: err.operation } : {}),
      ...(err.problem ? { problem: err.problem } : {}),
      ...(err.problemValues ? { problemValues: { ...err.problemValues } } : {}),
      ...(err.earlier !== undefined ? { earlier: err.earlier } : {}),
    };
  };
  const order = incoming
    .map((item, index) => ({ index, order: orderOf(item) }))
    .sort((a, b) => applyOrder(a.order, b.order) || a.index - b.index);
  const stored = new Stored(store.db);
  const self = identity(store);
  // The plans of the packages imported, not the packages: each parsed package is let go once applied.
  const imported: string[] = [];
  const checkAndApply = (name: string, file: PackageFile): PackageOutcome => {
    // Throws PackageError before anything is written.
    const verdict = checkPackage(store, name, file, { expectedPlanId: options.planId, stored, self });
    if (verdict.status === 'already-imported') return { ...describe(name, file), status: 'already-imported' };
    const applied = applyPackage(store, verdict.accepted, stored, now);
    return { ...describe(name, file), status: 'imported', ...applied };
  };
  const transaction = store.db.transaction(() => {
    for (const { index } of order) {
      const { name, size, read } = incoming[index]!;
      let file: PackageFile;
      try {
        if (size > MAX_PACKAGE_BYTES) throw new PackageError('too-large', `${size} bytes, limit ${MAX_PACKAGE_BYTES}`);
        file = parsePackage(read(), { sha256: sha256Bytes, verify: verifyText, nowMs: now.getTime() });
      } catch (err) {
        if (!(err instanceof PackageError)) throw err;
        refuse(index, { file: name, ...EMPTY_COUNTS }, err);
        continue;
      }
      // What earlier packages wrote is read afresh.
      stored.forget();
      try {
        outcomes[index] = checkAndApply(name, file);
        if (outcomes[index].status === 'imported') imported.push(file.manifest.planId);
      } catch (err) {
        if (!(err instanceof PackageError)) throw err;
        refuse(index, describe(name, file), err);
      }
    }
    if (imported.length === 0) throw new NothingAccepted();
    options.alsoInTransaction?.(outcomes);
  });
  try {
    transaction.immediate();
  } catch (err) {
    if (!(err instanceof NothingAccepted)) throw err;
    // Nothing to apply: the database is not written (but for a shared folder's memory of what it looked at).
    if (options.alsoInTransaction) store.db.transaction(() => options.alsoInTransaction!(outcomes))();
    return { packages: outcomes, planIds: [] };
  }
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status === 'imported') {
      options.log?.(`exchange: imported ${incoming[index]!.name} (${outcome.kind} from ${outcome.sender?.code})`);
    }
  }
  return { packages: outcomes, planIds: [...new Set(imported)] };
}

/** SQLite's cache_size in KiB when negative: 64 MiB. */
const IMPORT_CACHE_SIZE = -65536;
