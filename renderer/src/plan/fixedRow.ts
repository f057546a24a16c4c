import { useEffect, useRef } from 'react';
import { deterministicRowId, type Row, type RowEntity } from '../../../main/core/rows.ts';
import { usePlanActions } from './PlanData.tsx';

/**
 * Creations of fixed-id rows, by row id, kept until the new row reaches the screen's rows: keystrokes (and
 * other fields of the same row) meanwhile edit the created row instead of creating it again.
 */
const creating = new Map<string, Promise<Row | undefined>>();

/**
 * Saving into a row whose id is fixed by its place (a KPI's year `${kpiId}:${year}`, the plan's one vision)
 * and which may not exist yet. The row is created by the first value typed, not in advance: a row of blanks
 * created on sight could, after an exchange, overwrite what another office entered for the same row.
 * Keystrokes that come while it is being created wait for it and then edit it, so the last one typed is the
 * one saved; from then on every value autosaves through PlanData like any other field.
 *
 * `fixed`: the values that place the row (its year); `row`: the row if it exists (looked up by the caller).
 * Returns the row's id (fixed, whether the row exists or not: refused input is kept under it) and save(): a
 * value core's rules refuse creates nothing and is kept as typed (PlanData.reject), as for any field.
 */
export function useFixedRowSave(
  entity: RowEntity,
  parentId: string | null,
  fixed: Record<string, unknown>,
  row: Row | undefined,
): { id: string; save(field: string, value: unknown, text?: string): void } {
  // The row comes from the caller: PlanData's calls read the rows as they are now, whichever object it is.
  const data = usePlanActions();
  const rowRef = useRef(row);
  rowRef.current = row;
  const key = deterministicRowId(entity, data.plan.id, parentId, fixed) ?? '';
  useEffect(() => {
    if (row) creating.delete(key);
  }, [row, key]);

  const write = async (field: string, value: unknown, text: string | undefined) => {
    const existing = rowRef.current ?? (await creating.get(key));
    if (existing) return data.edit(existing, field, value, text);
    // Nothing typed yet is nothing to keep.
    if (value === null || value === '') return;
    creating.set(
      key,
      data.create([{ entity, parentId, values: { ...fixed, [field]: value } }]).then((rows) => rows?.[0]),
    );
  };

  const save = (field: string, value: unknown, text?: string) => {
    if (!rowRef.current) {
      const problem = data.check(entity, parentId, { ...fixed, [field]: value }, field, value);
      if (problem) return data.reject(key, field, problem, text ?? String(value ?? ''));
      data.discard(key, field);
    }
    // Tracked: a keystroke waiting for the row's creation is a save under way, which Next waits for.
    data.track(write(field, value, text));
  };
  return { id: key, save };
}
