import { hlcNode } from '../hlc.ts';

/**
 * Merge rules for operations exchanged between offices, pure so that every replica applies the same ones.
 *
 * Tables: last writer wins per (row, field) by HLC, whatever order operations arrive in, so replicas that hold
 * the same operations show the same plan.
 *
 * Conflicts: every operation carries `seen`, the causal context of its field at the writer: for each other
 * office (actor) the newest of its edits of that field the writer had, directly or through someone else's edit
 * (a "dotted version vector" per field). An edit supersedes another when its writer had seen it; an actor always
 * has its own earlier edits. The heads of a field are its edits that nobody superseded: one head is a plain
 * edit, two or more with different values are a conflict (both kept and listed until someone writes a value
 * that has seen them all). Because `seen` is transitive, a replica that holds only the heads (a plan package
 * carries no superseded history) still judges later edits exactly as one that holds everything.
 */

export interface CellOp {
  readonly hlc: string;
  readonly actor: string;
  /** HLCs, at most one per other actor, each older than `hlc`. */
  readonly seen: readonly string[];
}

/** The actor (HLC node) that wrote a timestamp. */
export function actorOf(hlc: string): string {
  return hlcNode(hlc);
}

/** Whether `later`'s writer had seen `earlier` (edits of the same field). */
export function supersedes(later: CellOp, earlier: CellOp): boolean {
  if (earlier.hlc >= later.hlc) return false;
  if (earlier.actor === later.actor) return true;
  // Within one actor HLC strings compare in time order (fixed-width wall clock and counter, same node suffix).
  return later.seen.some((s) => s >= earlier.hlc && actorOf(s) === earlier.actor);
}

/**
 * The edits of one field that no other edit of it supersedes, newest first (the first is the LWW winner).
 * Only each actor's newest edit can be a head: its own later edit supersedes the others, and a writer's
 * context only grows, so checking the candidates against each other is enough.
 */
export function heads<T extends CellOp>(ops: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const op of ops) {
    const current = newest.get(op.actor);
    if (!current || op.hlc > current.hlc) newest.set(op.actor, op);
  }
  const candidates = [...newest.values()];
  return candidates.filter((x) => !candidates.some((y) => supersedes(y, x))).sort((a, b) => (a.hlc < b.hlc ? 1 : -1));
}

/** The `seen` of a new edit by `actor` of a field whose edits here are `ops`: everything it has, transitively. */
export function causalContext(ops: readonly CellOp[], actor: string): string[] {
  const newest = new Map<string, string>();
  const note = (hlc: string, who: string) => {
    const current = newest.get(who);
    if (current === undefined || hlc > current) newest.set(who, hlc);
  };
  for (const op of ops) {
    note(op.hlc, op.actor);
    for (const s of op.seen) note(s, actorOf(s));
  }
  newest.delete(actor);
  return [...newest.values()].sort();
}

/** Heads whose values differ: the edits to show side by side. Equal values are the same outcome, not a conflict. */
export function conflictingHeads<T extends CellOp & { readonly value: string }>(ops: readonly T[]): T[] {
  const found = heads(ops);
  return new Set(found.map((op) => op.value)).size > 1 ? found : [];
}

/**
 * What a replica has of one actor's edits of a plan, as one HLC: all of them up to it (or something that
 * supersedes them). A package declares the range it covers; coverage only grows when the range joins on, so a
 * lost package leaves a gap that the next package, sent from the confirmed point, fills.
 */
export function extendCoverage(current: string | null, from: string | null, to: string | null): string | null {
  if (to === null) return current;
  const joins = from === null || (current !== null && current >= from);
  if (!joins) return current;
  return current === null || to > current ? to : current;
}
