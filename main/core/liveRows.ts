import { ROW_REFERENCES, type RowEntity } from './rows.ts';

/** A row as the rule reads it: its place and its fields. */
export interface LiveRowShape {
  readonly id: string;
  readonly entity: RowEntity;
  readonly parentId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * The rows of a plan that are alive, from its rows not marked deleted: a row whose parent (or an ancestor) is
 * not among them is not alive, and references to rows that are not alive are left out of the rest. Such rows
 * arise when an office's new row meets another's delete of its parent (listed as a delete conflict,
 * core/exchange/deletes.ts, until someone restores the parent or confirms the delete) or a referenced factor or
 * KPI is deleted. The one rule for what the screens, the documents and plan files show, so nothing is ever
 * alive under a deleted parent and a plan file always reads back.
 */
export function liveRows<T extends LiveRowShape>(rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const placed = new Map<string, boolean>();
  const isPlaced = (start: T): boolean => {
    // Iterative and bounded by the rows seen, so a loop of parents (never valid) ends as "not placed".
    const chain: T[] = [];
    let row: T | undefined = start;
    let ok = false;
    while (row) {
      const known = placed.get(row.id);
      if (known !== undefined) {
        ok = known;
        break;
      }
      if (chain.includes(row)) break;
      chain.push(row);
      if (row.parentId === null) {
        ok = true;
        break;
      }
      row = byId.get(row.parentId);
    }
    for (const r of chain) placed.set(r.id, ok);
    return ok;
  };
  const kept = rows.filter(isPlaced);
  const keptIds = new Map(kept.map((row) => [row.id, row.entity]));
  return kept.map((row) => {
    const references = ROW_REFERENCES[row.entity];
    if (references === undefined) return row;
    let data: Record<string, unknown> | null = null;
    for (const [field, target] of Object.entries(references)) {
      const value = row.data[field];
      const live = (ref: unknown) => typeof ref === 'string' && keptIds.get(ref) === target;
      const fixed = Array.isArray(value)
        ? value.length === value.filter(live).length
          ? value
          : value.filter(live)
        : typeof value === 'string' && !live(value)
          ? null
          : value;
      if (fixed !== value) (data ??= { ...row.data })[field] = fixed;
    }
    return data === null ? row : { ...row, data };
  });
}

/** Every row below `id` (its children, theirs, …): what a delete takes with it, as the row service's delete does. */
export function descendantsOf<T extends Pick<LiveRowShape, 'id' | 'parentId'>>(rows: readonly T[], id: string): T[] {
  const gone = new Set([id]);
  const found: T[] = [];
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows)
      if (r.parentId && gone.has(r.parentId) && !gone.has(r.id)) {
        gone.add(r.id);
        found.push(r);
        grew = true;
      }
  }
  return found;
}
