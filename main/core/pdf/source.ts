import type { ReportingOffice } from '../arrivals.ts';
import type { Catalog } from '../catalog.ts';
import type { Plan } from '../plan.ts';
import { numbering } from '../planContent.ts';
import { comparePositions } from '../position.ts';
import { ROW_DEFAULTS, type Row, type RowData, type RowEntity } from '../rows.ts';
import type { PdfOptions, Translate } from './options.ts';

/**
 * What a document is built from: the plan's header, its live rows, and the framework catalogs it aligned to
 * (resolved by main: the database's versions in the app, the shipped ones from the command line), plus the
 * choices of the person printing and the translation. Pure data, so the app, the command line and the tests
 * build the same document from the same input.
 */
export type PlanHeader = Pick<
  Plan,
  'id' | 'organisation' | 'title' | 'startYear' | 'endYear' | 'prevStartYear' | 'prevEndYear'
>;

export interface PlanSource {
  readonly plan: PlanHeader;
  readonly rows: readonly Row[];
  readonly catalogs: readonly Catalog[];
  /**
   * The offices that report on the plan (the secretariat's assignments): the app's database, or the plan file
   * it exported (core/planFile.ts). Without any, the progress report has no table per office.
   */
  readonly offices?: readonly ReportingOffice[];
}

export interface BuildInput {
  readonly source: PlanSource;
  readonly options: PdfOptions;
  readonly t: Translate;
}

/** The plan's rows by parent, in order, with the derived figures every chapter needs. */
export interface PlanView {
  readonly plan: PlanHeader;
  readonly rows: readonly Row[];
  /** Rows of an entity under a parent (null: top level), siblings in order. */
  children(entity: RowEntity, parentId: string | null): Row[];
  /**
   * Every row of an entity in the plan's tree order (a parent's children before the next parent's), so a
   * list of KPIs reads 1.1.1, 1.1.2, 1.2.1, 2.1.1 as they are numbered, not by position among all KPIs.
   */
  all(entity: RowEntity): Row[];
  /** The one row of a per-plan entity (options, vision, document) with defaults for what is not entered. */
  single<E extends 'planOptions' | 'vision' | 'document'>(entity: E): RowData<E>;
  /** Hierarchical numbers of issues, goals, KPIs, strategies and projects (core/planContent.ts). */
  readonly numbers: ReadonlyMap<string, string>;
  catalog(catalogId: string): Catalog | undefined;
  /** The plan years, first to last (B.E.). */
  readonly years: readonly number[];
}

/**
 * The rows depth first: each row followed by its children (siblings by position), top-level rows in their
 * order, then rows whose parent is missing, so that none is lost.
 */
function inTreeOrder(sorted: readonly Row[]): Row[] {
  const ids = new Set(sorted.map((row) => row.id));
  const children = new Map<string, Row[]>();
  for (const row of sorted) {
    if (row.parentId === null || !ids.has(row.parentId)) continue;
    const list = children.get(row.parentId);
    if (list) list.push(row);
    else children.set(row.parentId, [row]);
  }
  const out: Row[] = [];
  const visit = (row: Row) => {
    out.push(row);
    for (const child of children.get(row.id) ?? []) visit(child);
  };
  for (const row of sorted) if (row.parentId === null || !ids.has(row.parentId)) visit(row);
  return out;
}

export function planView(source: PlanSource): PlanView {
  const rows = [...source.rows].sort(comparePositions);
  const byParent = new Map<string, Row[]>();
  const byEntity = new Map<string, Row[]>();
  const push = (map: Map<string, Row[]>, key: string, row: Row) => {
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  };
  for (const row of rows) push(byParent, `${row.entity}|${row.parentId ?? ''}`, row);
  for (const row of inTreeOrder(rows)) push(byEntity, row.entity, row);
  const { startYear, endYear } = source.plan;
  return {
    plan: source.plan,
    rows,
    children: (entity, parentId) => byParent.get(`${entity}|${parentId ?? ''}`) ?? [],
    all: (entity) => byEntity.get(entity) ?? [],
    single: (entity) => {
      const row = byEntity.get(entity)?.[0];
      return { ...ROW_DEFAULTS[entity], ...(row?.data ?? {}) } as RowData<typeof entity>;
    },
    numbers: numbering(rows),
    catalog: (catalogId) => source.catalogs.find((c) => c.id === catalogId),
    years: Array.from({ length: Math.max(0, endYear - startYear + 1) }, (_, i) => startYear + i),
  };
}

/** A text field of a row, trimmed ('' when absent). */
export function str(row: Row, field: string): string {
  const value = row.data[field];
  return typeof value === 'string' ? value.trim() : '';
}

export function num(row: Row | undefined, field: string): number | null {
  const value = row?.data[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Shared by every builder: translate, and the view of the plan. */
export interface Ctx {
  readonly t: Translate;
  readonly view: PlanView;
  readonly options: PdfOptions;
  /** Only which sections have content is wanted (the export panel): costly drawings may be left out. */
  readonly outline?: boolean;
}
