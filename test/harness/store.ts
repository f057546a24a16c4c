import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDraft } from '../../main/core/plan.ts';
import { Store, type StoreOptions } from '../../main/services/store/store.ts';

/** The seed plan's header (shared/seed): a realistic draft for store tests. */
export const bmaDraft: PlanDraft = {
  organisation: 'สำนักงานประชาสัมพันธ์ สำนักปลัดกรุงเทพมหานคร',
  title: 'แผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร ระยะ 5 ปี',
  startYear: 2566,
  endYear: 2570,
  prevStartYear: 2563,
  prevEndYear: 2565,
};

/** A store on `<dir>/phaen.sqlite` with backups in `<dir>/backups`. */
export function openStore(dir: string, options: Partial<StoreOptions> = {}): Promise<Store> {
  return Store.open(join(dir, 'phaen.sqlite'), { backupDir: join(dir, 'backups'), ...options });
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function count(store: Store, table: string): number {
  return store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
