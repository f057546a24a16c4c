import type { Catalog } from '../../core/catalog.ts';
import { AppError } from '../../core/errors.ts';
import type { PlanFile } from '../../core/planFile.ts';
import type { PlanSource } from '../../core/pdf/source.ts';
import { ROW_DEFAULTS, type Row, type RowData } from '../../core/rows.ts';
import { getCatalog, shippedCatalogs } from '../catalogs.ts';
import { getPlan } from '../plans.ts';
import { getPlanExchange } from '../exchange/state.ts';
import { listRows } from '../rows.ts';
import type { Store } from '../store/store.ts';

/**
 * What a document is built from (core/pdf/source.ts), read from the database (the app) or from a plan file
 * (the command line). Catalogs are the versions the plan aligned to: in the app any version saved here; from
 * a file only the shipped ones, since a file carries no catalogs (a link to a missing version prints by id).
 */

type Choices = RowData<'planOptions'>['frameworkCatalogs'];

function choices(rows: readonly Row[]): Choices {
  const options = rows.find((r) => r.entity === 'planOptions');
  const value = options?.data.frameworkCatalogs;
  return Array.isArray(value) ? (value as Choices) : ROW_DEFAULTS.planOptions.frameworkCatalogs;
}

export function planSourceFromStore(store: Store, resourcesDir: string, planId: string): PlanSource {
  const plan = getPlan(store, planId);
  const rows = listRows(store, planId);
  const catalogs: Catalog[] = [];
  for (const { catalogId, version } of choices(rows)) {
    try {
      catalogs.push(getCatalog(store, resourcesDir, catalogId, version));
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'not-found')) throw err;
    }
  }
  return { plan, rows, catalogs, offices: getPlanExchange(store.db, planId).assignments };
}

/**
 * A plan file's rows as rows of the plan (provenance is not in files: left empty), and the offices it says report
 * on it, as the app's database says them.
 */
export function planSourceFromFile(file: PlanFile, resourcesDir: string): PlanSource {
  const rows: Row[] = file.rows.map((r) => ({
    ...r,
    planId: file.plan.id,
    createdBy: '',
    createdAt: file.exportedAt,
    updatedAt: file.exportedAt,
  }));
  const shipped = shippedCatalogs(resourcesDir);
  const catalogs = choices(rows)
    .map(({ catalogId, version }) => shipped.find((c) => c.id === catalogId && c.version === version))
    .filter((c): c is Catalog => c !== undefined);
  return { plan: file.plan, rows, catalogs, offices: file.assignments };
}
