import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PackageOutcome } from '../../core/exchange/api.ts';
import {
  MAX_PACKAGE_BYTES,
  PACKAGE_EXTENSION,
  PackageError,
  parsePackage,
  type PackageFile,
} from '../../core/exchange/format.ts';
import type { Store } from '../store/store.ts';
import { applyPackages } from './apply.ts';
import { keyFingerprint, verifyText } from '../signing.ts';
import { sha256Bytes } from './export.ts';
import { Stored } from './stored.ts';
import { checkPackage, type AcceptedPackage, type Batch } from './validate.ts';

/**
 * A file to import: its bytes, or only its size when it is over the limit (it is never read), or why it could
 * not be read (gone, locked by a sync engine, no permission): it is then refused by name like any bad file.
 */
export interface IncomingPackage {
  readonly name: string;
  readonly bytes: Uint8Array | null;
  readonly size: number;
  readonly unreadable?: string;
}

/** `name` is what reports show: the file's name, or its path inside a chosen folder. */
export function readIncoming(path: string, name = basename(path)): IncomingPackage {
  try {
    const size = statSync(path).size;
    return { name, size, bytes: size > MAX_PACKAGE_BYTES ? null : readFileSync(path) };
  } catch (err) {
    return { name, size: 0, bytes: null, unreadable: err instanceof Error ? err.message : String(err) };
  }
}

export function incomingText(name: string, content: string): IncomingPackage {
  const bytes = new TextEncoder().encode(content);
  return { name, size: bytes.byteLength, bytes };
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
function applyOrder(a: PackageFile, b: PackageFile): number {
  const rank = (f: PackageFile) => (f.manifest.kind === 'plan' ? 0 : 1);
  return (
    rank(a) - rank(b) || a.manifest.seq - b.manifest.seq || (a.manifest.exportedAt < b.manifest.exportedAt ? -1 : 1)
  );
}

/**
 * Import packages: every one is read and checked completely first (core parsePackage, then validate.ts); the
 * ones that pass are applied together in one transaction (apply.ts); a refused one is reported with its reason
 * and contributes nothing. With no package accepted, nothing is written at all.
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
  try {
    return importWithCache(store, incoming, options);
  } finally {
    store.db.pragma(`cache_size = ${cacheSize}`);
  }
}

function importWithCache(store: Store, incoming: readonly IncomingPackage[], options: ImportOptions): ImportResult {
  const now = options.now ?? new Date();
  const outcomes: PackageOutcome[] = [];
  const parsed: { index: number; file: PackageFile }[] = [];
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
    };
  };
  for (const [index, item] of incoming.entries()) {
    try {
      if (item.unreadable !== undefined) throw new PackageError('unreadable', item.unreadable);
      if (item.bytes === null) throw new PackageError('too-large', `${item.size} bytes, limit ${MAX_PACKAGE_BYTES}`);
      parsed.push({
        index,
        file: parsePackage(item.bytes, { sha256: sha256Bytes, verify: verifyText, nowMs: now.getTime() }),
      });
    } catch (err) {
      if (!(err instanceof PackageError)) throw err;
      refuse(index, { file: item.name, ...EMPTY_COUNTS }, err);
    }
  }
  const batch: Batch = {
    expectedPlanId: options.planId,
    plans: new Map(),
    packageIds: new Set(),
    catalogs: new Map(),
    shaped: new Map(),
    planYears: new Map(),
    clocks: new Map(),
    keys: new Map(),
    stored: new Stored(store.db),
    offices: new Map(),
  };
  const accepted: { index: number; pkg: AcceptedPackage }[] = [];
  for (const { index, file } of parsed.sort((a, b) => applyOrder(a.file, b.file))) {
    const name = incoming[index]!.name;
    try {
      const verdict = checkPackage(store, name, file, batch);
      if (verdict.status === 'accept') accepted.push({ index, pkg: verdict.accepted });
      else outcomes[index] = { ...describe(name, file), status: 'already-imported' };
    } catch (err) {
      if (!(err instanceof PackageError)) throw err;
      refuse(index, describe(name, file), err);
    }
  }
  if (accepted.length === 0) {
    // Nothing to apply: the database is not written (but for a shared folder's memory of what it looked at).
    if (options.alsoInTransaction) store.db.transaction(() => options.alsoInTransaction!(outcomes))();
    return { packages: outcomes, planIds: [] };
  }
  applyInTransaction(store, accepted, batch.stored, outcomes, now, options);
  const planIds = [...new Set(accepted.map((a) => a.pkg.file.manifest.planId))];
  for (const { pkg } of accepted) {
    options.log?.(`exchange: imported ${pkg.name} (${pkg.file.manifest.kind} from ${pkg.file.manifest.sender.code})`);
  }
  return { packages: outcomes, planIds };
}

/** SQLite's cache_size in KiB when negative: 64 MiB. */
const IMPORT_CACHE_SIZE = -65536;

function applyInTransaction(
  store: Store,
  accepted: readonly { index: number; pkg: AcceptedPackage }[],
  stored: Stored,
  outcomes: PackageOutcome[],
  now: Date,
  options: ImportOptions,
): void {
  const transaction = store.db.transaction(() => {
    const applied = applyPackages(
      store,
      accepted.map((a) => a.pkg),
      stored,
      now,
    );
    for (const { index, pkg } of accepted) {
      outcomes[index] = {
        ...describe(pkg.name, pkg.file),
        status: 'imported',
        ...applied.get(pkg.file.manifest.packageId)!,
      };
    }
    options.alsoInTransaction?.(outcomes);
  });
  // The op log's foreign key (an operation's group) holds by construction here: applyPackage inserts a package's
  // groups before its operations, and nothing else the import writes refers to another row. SQLite's check of
  // it, a lookup per operation, was about a tenth of a large import's CPU (bench/exchange.ts). The pragma
  // cannot change inside a transaction, hence around it.
  const foreignKeys = store.db.pragma('foreign_keys', { simple: true }) as number;
  store.db.pragma('foreign_keys = OFF');
  try {
    transaction.immediate();
  } finally {
    store.db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}
