import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksumInput, serialisePackage, type PackageFile } from '../../main/core/exchange/format.ts';
import type { OfficeIdentity } from '../../main/core/exchange/identity.ts';
import {
  buildPackage,
  packageOf,
  recordExport,
  sha256Hex,
  unconfirmedOps,
} from '../../main/services/exchange/export.ts';
import { importPackages, incomingText, type ImportResult } from '../../main/services/exchange/import.ts';
import type { Store, StoreOptions } from '../../main/services/store/store.ts';
import { getPlanExchange, savePlanExchange } from '../../main/services/exchange/state.ts';
import { createPlan } from '../../main/services/plans.ts';
import { signText, type SigningKey } from '../../main/services/signing.ts';
import { bmaDraft, openStore } from './store.ts';

/** Replicas (offices and a secretariat) on real database files, and package round trips between them. */

export const SECRETARIAT: OfficeIdentity = {
  code: 'PR',
  name: 'สำนักงานประชาสัมพันธ์ (ฝ่ายเลขานุการ)',
  role: 'secretariat',
};

export function office(code: string, name = `สำนักงานเขต ${code}`): OfficeIdentity {
  return { code, name, role: 'contributor' };
}

/** Every replica's key by installation, so reseal() signs as the sender would (a buggy, not a forging, sender). */
const keys = new Map<string, SigningKey>();

export async function openReplica(
  dir: string,
  identity: OfficeIdentity,
  options: Partial<StoreOptions> = {},
): Promise<Store> {
  const store = await openStore(dir, options);
  store.setSettings({ office: identity });
  keys.set(store.officeId, store.signingKey);
  return store;
}

/** What this replica sends for a plan now, as the file's text; the export is recorded as after a save. */
export function exportText(store: Store, planId: string, now?: Date): string {
  const built = buildPackage(store, planId, now);
  recordExport(store, built, built.fileName);
  return built.text;
}

/**
 * What a buggy or hostile installation sends: every operation of its own after the confirmed point, also those
 * its export keeps at home (outside its assigned parts), in a package sealed and signed by its own key.
 */
export function forgedContribution(store: Store, planId: string): string {
  const built = packageOf(store, planId, unconfirmedOps(store, planId));
  recordExport(store, built, built.fileName);
  return built.text;
}

/**
 * A package modified and sealed again with a correct checksum and signed again by its sender's own key (a
 * buggy or hostile sender's installation), or by `key` (someone holding another key).
 */
export function reseal(text: string, change: (file: PackageFile) => void, key?: SigningKey): string {
  const file = JSON.parse(text) as PackageFile;
  change(file);
  const signer = key ?? keys.get(file.manifest.sender.actor);
  if (key) {
    file.manifest.sender.publicKey = key.publicKey;
    const listed = file.payload.offices.find((o) => o.actor === file.manifest.sender.actor);
    if (listed) listed.publicKey = key.publicKey;
  }
  const input = checksumInput(file);
  file.manifest.sha256 = sha256Hex(input);
  if (signer) file.signature = signText(signer, input);
  return serialisePackage(file);
}

export function importTexts(
  store: Store,
  texts: readonly string[],
  options: { planId?: string; now?: Date } = {},
): ImportResult {
  return importPackages(
    store,
    texts.map((text, i) => incomingText(`p${i}.phaen-package`, text)),
    options,
  );
}

/**
 * The plan as users see it, comparable across replicas: rows and plans with every column but the provenance
 * of creation (which replica's copy of a row came first), data parsed so its key order does not matter.
 */
export function tables(store: Store): { plans: unknown[]; rows: unknown[] } {
  const plans = store.db
    .prepare('SELECT * FROM plans ORDER BY id')
    .all()
    .map((r) => strip(r as Record<string, unknown>));
  const rows = store.db
    .prepare('SELECT * FROM rows ORDER BY id')
    .all()
    .map((r) => {
      const row = strip(r as Record<string, unknown>);
      return { ...row, data: sortKeys(JSON.parse(String(row.data)) as Record<string, unknown>) };
    });
  return { plans, rows };
}

function strip(record: Record<string, unknown>): Record<string, unknown> {
  const { created_by: _by, created_at: _at, ...rest } = record;
  return rest;
}

function sortKeys(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(data)
      .sort()
      .map((k) => [k, data[k]]),
  );
}

/** Everything an import could touch: op log, tables, exchange state. */
export function dump(store: Store): Record<string, unknown[]> {
  const all = (sql: string) => store.db.prepare(sql).all();
  return {
    ops: all('SELECT * FROM ops ORDER BY id'),
    groups: all('SELECT * FROM op_groups ORDER BY id'),
    plans: all('SELECT * FROM plans ORDER BY id'),
    rows: all('SELECT * FROM rows ORDER BY id'),
    meta: all('SELECT * FROM meta ORDER BY key'),
    arrivals: all('SELECT * FROM exchange_arrivals ORDER BY id'),
    coverage: all('SELECT * FROM exchange_coverage ORDER BY id'),
    actors: all('SELECT * FROM exchange_actors ORDER BY actor'),
    exchangePlans: all('SELECT * FROM exchange_plans ORDER BY plan_id'),
    keys: all('SELECT * FROM exchange_keys ORDER BY id'),
    catalogs: all('SELECT * FROM catalog_versions ORDER BY id'),
  };
}

/** SHA-256 of the database file and its WAL: equal means not a byte was written. */
export function fileBytes(dir: string): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal']) {
    const path = join(dir, `phaen.sqlite${suffix}`);
    hash.update(existsSync(path) ? readFileSync(path) : Buffer.alloc(0));
  }
  return hash.digest('hex');
}

/**
 * A district office (1001) at `dir` holding a secretariat's plan whose SWOT factors are assigned to it, so that
 * the factors it adds are what its contributions carry. The secretariat's replica is closed.
 */
export async function assignedOffice(secretariatDir: string, dir: string): Promise<{ store: Store; planId: string }> {
  const secretariat = await openReplica(secretariatDir, SECRETARIAT);
  const plan = createPlan(secretariat, bmaDraft);
  const district = office('1001', 'สำนักงานเขตพระนคร');
  savePlanExchange(secretariat.db, {
    ...getPlanExchange(secretariat.db, plan.id),
    assignments: [{ officeCode: district.code, officeName: district.name, factors: true, kpiIds: [], projectIds: [] }],
  });
  const store = await openReplica(dir, district);
  importTexts(store, [exportText(secretariat, plan.id)]);
  secretariat.close();
  return { store, planId: plan.id };
}
