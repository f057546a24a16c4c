/**
 * Hybrid logical clock (Kulkarni et al. 2014). Timestamps order every edit across offices whose wall clocks
 * disagree: physical milliseconds, then a counter for edits within the same millisecond (or while the wall
 * clock lags a timestamp already seen), then the office id as a tie-breaker.
 *
 * The string form sorts lexicographically in the same order as `compareHlc`, so SQLite can index and compare
 * it as TEXT.
 */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1;
/** A remote clock this far ahead of ours is refused: a wrong PC date must not drag every office into the future. */
export const MAX_DRIFT_MS = 7 * 24 * 3600 * 1000;

export class HlcError extends Error {
  override readonly name = 'HlcError';
}

export function formatHlc(h: Hlc): string {
  return `${h.wallMs.toString().padStart(WALL_DIGITS, '0')}-${h.counter.toString(16).padStart(COUNTER_DIGITS, '0')}-${h.node}`;
}

const HLC_PATTERN = /^(\d{15})-([0-9a-f]{6})-(.+)$/;

export function parseHlc(text: string): Hlc {
  const m = HLC_PATTERN.exec(text);
  if (!m) throw new HlcError(`not an HLC timestamp: ${JSON.stringify(text)}`);
  return { wallMs: Number(m[1]), counter: parseInt(m[2]!, 16), node: m[3]! };
}

/**
 * The node of an HLC text already known to be well formed (an exchange package's schema, or the op log): what
 * follows the fixed-width wall clock and counter. parseHlc's pattern and number parsing, for every clock of
 * every operation of an import, were a tenth of the package checks that need no database.
 */
export function hlcNode(text: string): string {
  return text.slice(WALL_DIGITS + COUNTER_DIGITS + 2);
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wallMs - b.wallMs || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
}

/** The timestamp of a local event, strictly after `last` whatever the wall clock says. */
export function tick(last: Hlc, nowMs: number, node: string): Hlc {
  if (nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node };
  if (last.counter >= MAX_COUNTER) throw new HlcError('HLC counter overflow');
  return { wallMs: last.wallMs, counter: last.counter + 1, node };
}

/** Advance the local clock past a timestamp received from another office. */
export function receive(last: Hlc, remote: Hlc, nowMs: number, node: string): Hlc {
  if (remote.wallMs - nowMs > MAX_DRIFT_MS) {
    throw new HlcError(`remote clock ${remote.wallMs} is more than ${MAX_DRIFT_MS} ms ahead of ${nowMs}`);
  }
  const wallMs = Math.max(last.wallMs, remote.wallMs, nowMs);
  let counter = 0;
  if (wallMs === last.wallMs && wallMs === remote.wallMs) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wallMs === last.wallMs) counter = last.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  if (counter > MAX_COUNTER) throw new HlcError('HLC counter overflow');
  return { wallMs, counter, node };
}

export const ZERO_HLC: Hlc = { wallMs: 0, counter: 0, node: '' };
