import { prepared } from '../store/statements.ts';
import type { Store } from '../store/store.ts';
import { contributionOps, sentUpTo } from './export.ts';
import { identity } from './state.ts';

/** Operations (one per field written), and the rows they touch: adding one SWOT factor is some ten operations. */
export interface UnsentEdits {
  readonly ops: number;
  readonly rows: number;
}

/**
 * This installation's edits that no package carried yet and that its next contributions would: those after
 * both the secretariat's confirmation and its last export, over the plans it contributes to. Asked when its data
 * folder turns out to be copied: a contribution carries its sender's own operations only
 * (core/exchange/format.ts), so once the copy takes a new identity, only the original computer can send these.
 * A secretariat's edits are not counted: its plan package carries every standing edit whoever made it, so a copy
 * sends them as well. Nor are edits outside the office's assigned parts: no package ever carries them.
 */
export function unsentOwnEdits(store: Store): UnsentEdits {
  const self = identity(store);
  if (!self || self.role === 'secretariat') return { ops: 0, rows: 0 };
  const plans = prepared(
    store.db,
    'SELECT plan_id FROM exchange_plans WHERE secretariat_actor IS NOT NULL AND secretariat_actor <> ?',
    true,
  ).all(store.officeId) as string[];
  let ops = 0;
  const rows = new Set<string>();
  for (const planId of plans) {
    const sent = sentUpTo(store, planId);
    for (const op of contributionOps(store, planId).ops) {
      if (op.hlc <= sent) continue;
      ops++;
      rows.add(op.rowId);
    }
  }
  return { ops, rows: rows.size };
}
