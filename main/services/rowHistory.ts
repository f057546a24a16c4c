import { AppError } from '../core/errors.ts';
import { parseHlc } from '../core/hlc.ts';
import type { RowHistoryEntry } from '../core/rowHistory.ts';
import type { Store } from './store/store.ts';

interface OpRecord {
  grp: string;
  hlc: string;
  actor: string;
  field: string;
  value: string;
  prev: string | null;
  undo_of: string | null;
}

/**
 * Every operation ever applied to one row of a plan (live or deleted), newest first, with its action's
 * group. The (entity, row_id, field, hlc) index answers it: the row's entity comes from the rows table.
 */
export function rowHistory(store: Store, id: string): RowHistoryEntry[] {
  const entity = store.db.prepare('SELECT entity FROM rows WHERE id = ?').pluck().get(id) as string | undefined;
  if (entity === undefined) throw new AppError('not-found', `row ${id}`);
  const records = store.db
    .prepare(
      `SELECT o.grp, o.hlc, o.actor, o.field, o.value, o.prev, g.undo_of
       FROM ops o JOIN op_groups g ON g.id = o.grp
       WHERE o.entity = ? AND o.row_id = ?
       ORDER BY o.hlc DESC`,
    )
    .all(entity, id) as OpRecord[];
  // A change of a frozen value comes with its revision in the same action: its reason belongs to the change.
  const reasonOf = store.db
    .prepare("SELECT value FROM ops WHERE grp = ? AND entity = 'revision' AND field = 'reason' LIMIT 1")
    .pluck();
  const reasons = new Map<string, string | undefined>();
  const reason = (grp: string) => {
    if (!reasons.has(grp)) {
      const value = reasonOf.get(grp) as string | undefined;
      reasons.set(grp, value === undefined ? undefined : (JSON.parse(value) as string));
    }
    return reasons.get(grp);
  };
  return records.map((r) => ({
    group: r.grp,
    at: new Date(parseHlc(r.hlc).wallMs).toISOString(),
    actor: r.actor,
    undo: r.undo_of !== null,
    field: r.field,
    value: JSON.parse(r.value) as unknown,
    previous: r.prev === null ? null : { value: JSON.parse(r.prev) as unknown },
    ...(entity !== 'revision' && reason(r.grp) !== undefined ? { reason: reason(r.grp) } : {}),
  }));
}
