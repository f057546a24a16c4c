import type { Row, RowEntity } from './rows.ts';

/**
 * A plan's rows by entity and by entity and parent. The step checks, the completeness rules and the screens ask
 * for the rows of one kind, or one row's children (a KPI's targets, a project's budgets), over and over; a
 * search of a large plan's 10,000 rows per question made checking every wizard, or drawing a table of 1,000
 * KPIs, quadratic.
 */
export interface RowIndex {
  /** The rows of an entity, in their order. */
  of(entity: RowEntity): readonly Row[];
  /** The rows of an entity under a parent (null: at the top), in their order. */
  children(entity: RowEntity, parentId: string | null): readonly Row[];
}

/** The index of `rows` as they are now: for a caller that may change the array afterwards. */
export function indexRows(rows: readonly Row[]): RowIndex {
  // Maps in maps, not one map by `${entity}|${parentId}`: a key string made and hashed per row was most of
  // the time taken.
  const byEntity = new Map<RowEntity, { all: Row[]; byParent: Map<string | null, Row[]> }>();
  for (const row of rows) {
    let lists = byEntity.get(row.entity);
    if (!lists) byEntity.set(row.entity, (lists = { all: [], byParent: new Map() }));
    lists.all.push(row);
    const siblings = lists.byParent.get(row.parentId);
    if (siblings) siblings.push(row);
    else lists.byParent.set(row.parentId, [row]);
  }
  return {
    of: (entity) => byEntity.get(entity)?.all ?? [],
    children: (entity, parentId) => byEntity.get(entity)?.byParent.get(parentId) ?? [],
  };
}

const indexes = new WeakMap<readonly Row[], RowIndex>();

/**
 * The index of `rows`, made once per array: for arrays never changed in place (the renderer's rows as shown,
 * made anew by each change; the step checks, which read those), so that every reader of one array shares it.
 */
export function rowIndex(rows: readonly Row[]): RowIndex {
  const known = indexes.get(rows);
  if (known) return known;
  const made = indexRows(rows);
  indexes.set(rows, made);
  return made;
}
