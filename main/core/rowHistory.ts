import { z } from 'zod';
import { ROW_DEFAULTS, type RowEntity } from './rows.ts';

/**
 * The history of one row, read back from the op log: who changed which field when, from what to what. Main
 * returns the operations (newest first); historyActions() folds them into the actions a person did (one
 * op group: add, edit, move, delete, restore, undo), which the history dialog lists.
 */

export const RowHistoryEntry = z.object({
  /** The op group: one user action. */
  group: z.string(),
  at: z.iso.datetime(),
  /** The office that made the change (its id). */
  actor: z.string(),
  /** The action undid an earlier one (Ctrl+Z). */
  undo: z.boolean(),
  field: z.string(),
  value: z.unknown(),
  /** What the field held before; null when the row came into being in this action. */
  previous: z.object({ value: z.unknown() }).nullable(),
  /** The reason of a revision written in the same action (core/revision.ts): the change revised a frozen value. */
  reason: z.string().optional(),
});
export type RowHistoryEntry = z.infer<typeof RowHistoryEntry>;

export type HistoryActionKind = 'created' | 'edited' | 'revised' | 'moved' | 'deleted' | 'restored' | 'undone';

export interface HistoryChange {
  readonly field: string;
  readonly value: unknown;
  /** Absent for a field set when the row was created. */
  readonly previous?: unknown;
}

export interface HistoryAction {
  readonly group: string;
  readonly at: string;
  readonly actor: string;
  readonly kind: HistoryActionKind;
  /** The entity's own fields that changed (structure fields such as the row's order are said by `kind`). */
  readonly changes: readonly HistoryChange[];
  /** Why a frozen value was revised (kind 'revised'). */
  readonly reason?: string;
}

/** Every row has these; they say where a row is and whether it lives, not what it says. */
export const STRUCTURE_FIELDS: ReadonlySet<string> = new Set(['planId', 'parentId', 'position', 'deleted']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function kindOf(entries: readonly RowHistoryEntry[]): HistoryActionKind {
  if (entries.some((e) => e.undo)) return 'undone';
  // A new row's operations have no previous value, except `deleted`, which goes from the hidden start to false.
  const own = entries.filter((e) => e.field !== 'deleted');
  if (own.length > 0 && own.every((e) => e.previous === null)) return 'created';
  const deleted = entries.find((e) => e.field === 'deleted');
  if (deleted) return deleted.value === true ? 'deleted' : 'restored';
  if (entries.every((e) => STRUCTURE_FIELDS.has(e.field))) return 'moved';
  return entries.some((e) => e.reason !== undefined) ? 'revised' : 'edited';
}

/**
 * Entries (newest first, as main returns them) grouped into actions, newest first. A creation lists only
 * the fields given a value other than the entity's default, so adding an empty KPI is one line, not twelve.
 */
export function historyActions(entity: RowEntity, entries: readonly RowHistoryEntry[]): HistoryAction[] {
  const groups = new Map<string, RowHistoryEntry[]>();
  for (const entry of entries) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  const defaults = ROW_DEFAULTS[entity] as Record<string, unknown>;
  return [...groups.values()].map((list) => {
    const first = list[0]!;
    const kind = kindOf(list);
    // Within a group the newest operation comes first; people read a change list in the order it was made.
    const changes = [...list]
      .reverse()
      .filter((e) => !STRUCTURE_FIELDS.has(e.field))
      .filter((e) => (e.previous === null ? !same(e.value, defaults[e.field]) : !same(e.value, e.previous.value)))
      .map((e): HistoryChange =>
        e.previous === null
          ? { field: e.field, value: e.value }
          : { field: e.field, value: e.value, previous: e.previous.value },
      );
    const reason = kind === 'revised' ? first.reason : undefined;
    return { group: first.group, at: first.at, actor: first.actor, kind, changes, ...(reason ? { reason } : {}) };
  });
}
