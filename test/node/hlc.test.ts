import { describe, expect, it } from 'vitest';
import {
  HlcError,
  MAX_DRIFT_MS,
  compareHlc,
  formatHlc,
  parseHlc,
  receive,
  tick,
  ZERO_HLC,
  type Hlc,
} from '../../main/core/hlc.ts';
import { createPlan, updatePlan } from '../../main/services/plans.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { int, rng } from '../harness/random.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const SEED = 20260127;
const NODES = ['a', 'b', 'office-1', '6f1c2f0e-9b1e-4c55-9d7e-1a2b3c4d5e6f'];

function randomHlc(next: () => number): Hlc {
  return {
    // A few wall clocks far apart plus many within the same millisecond, so the counter and node decide too.
    wallMs: next() < 0.5 ? 1_700_000_000_000 + int(next, 0, 3) : int(next, 0, 4_102_444_800_000),
    counter: next() < 0.5 ? int(next, 0, 3) : int(next, 0, 16 ** 6 - 1),
    node: NODES[int(next, 0, NODES.length - 1)]!,
  };
}

const sign = (n: number) => Math.sign(n);
const strcmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('hybrid logical clock', () => {
  it('formats to text that parses back to the same timestamp', () => {
    const next = rng(SEED);
    for (let i = 0; i < 2000; i++) {
      const h = randomHlc(next);
      expect(parseHlc(formatHlc(h))).toEqual(h);
    }
  });

  it('sorts as text in the same order as compareHlc (SQLite compares it as TEXT)', () => {
    const next = rng(SEED + 1);
    for (let i = 0; i < 5000; i++) {
      const a = randomHlc(next);
      const b = randomHlc(next);
      expect(strcmp(formatHlc(a), formatHlc(b)), `${formatHlc(a)} vs ${formatHlc(b)}`).toBe(sign(compareHlc(a, b)));
    }
  });

  it('refuses text that is not a timestamp', () => {
    for (const bad of ['', 'x', '1700000000000-000000-a', '001700000000000-00000g-a', '001700000000000-000000-']) {
      expect(() => parseHlc(bad), bad).toThrow(HlcError);
    }
  });

  it('ticks strictly forward even when the wall clock stands still or goes back', () => {
    const next = rng(SEED + 2);
    let last = ZERO_HLC;
    let now = 1_700_000_000_000;
    for (let i = 0; i < 5000; i++) {
      now += int(next, -5000, 5000); // the PC's clock jumps both ways
      const t = tick(last, now, 'a');
      expect(compareHlc(t, last)).toBeGreaterThan(0);
      expect(t.wallMs).toBe(Math.max(last.wallMs, now));
      last = t;
    }
  });

  it('counts within one millisecond and restarts the counter when the clock moves on', () => {
    const t0 = tick(ZERO_HLC, 1000, 'a');
    const t1 = tick(t0, 1000, 'a');
    const t2 = tick(t1, 999, 'a');
    expect([t0.counter, t1.counter, t2.counter]).toEqual([0, 1, 2]);
    expect(t2.wallMs).toBe(1000);
    expect(tick(t2, 1001, 'a')).toEqual({ wallMs: 1001, counter: 0, node: 'a' });
  });

  it('throws rather than wrap when the counter overflows', () => {
    expect(() => tick({ wallMs: 5, counter: 16 ** 6 - 1, node: 'a' }, 5, 'a')).toThrow(/overflow/);
  });

  it('receives a remote timestamp: the result is after both the local clock and the remote one', () => {
    const next = rng(SEED + 3);
    for (let i = 0; i < 5000; i++) {
      const last = randomHlc(next);
      const remote = randomHlc(next);
      const now = remote.wallMs + int(next, -MAX_DRIFT_MS, 5000);
      if (last.counter >= 16 ** 6 - 2 || remote.counter >= 16 ** 6 - 2) continue;
      const r = receive(last, remote, now, 'local');
      expect(compareHlc(r, { ...last, node: 'local' })).toBeGreaterThan(0);
      expect(compareHlc(r, { ...remote, node: 'local' })).toBeGreaterThan(0);
      expect(r.wallMs).toBe(Math.max(last.wallMs, remote.wallMs, now));
    }
  });

  it('refuses a remote clock more than the allowed drift ahead (a PC with a wrong date)', () => {
    const now = 1_700_000_000_000;
    const remote = { wallMs: now + MAX_DRIFT_MS + 1, counter: 0, node: 'b' };
    expect(() => receive(ZERO_HLC, remote, now, 'a')).toThrow(HlcError);
    expect(receive(ZERO_HLC, { ...remote, wallMs: now + MAX_DRIFT_MS }, now, 'a').wallMs).toBe(now + MAX_DRIFT_MS);
  });

  it('stays monotonic across store restarts even when the PC clock goes back', async () => {
    const dir = tempDir();
    let now = Date.UTC(2025, 5, 1);
    const first = await openStore(dir, { now: () => now });
    const plan = createPlan(first, bmaDraft);
    updatePlan(first, plan.id, [{ field: 'title', value: 'แก้ไขครั้งที่ 1' }]);
    const before = first.oplog.clock;
    first.close();

    now -= 24 * 3600 * 1000; // the battery died and the date reset to yesterday
    const second = await openStore(dir, { now: () => now });
    expect(second.oplog.clock).toEqual(before);
    updatePlan(second, plan.id, [{ field: 'title', value: 'แก้ไขครั้งที่ 2' }]);
    const hlcs = second.db.prepare('SELECT hlc FROM ops ORDER BY rowid').pluck().all() as string[];
    expect(hlcs).toEqual([...hlcs].sort());
    expect(new Set(hlcs).size).toBe(hlcs.length);
    expect(parseHlc(hlcs.at(-1)!).wallMs).toBe(before.wallMs);
    expect(compareHlc(second.oplog.clock, before)).toBeGreaterThan(0);
    second.close();
  });

  it('resumes after a restart past a clock moved by an import or drawn by an action without operations', async () => {
    const dir = tempDir();
    let now = Date.UTC(2025, 5, 1);
    const first = await openStore(dir, { now: () => now });
    const plan = createPlan(first, bmaDraft);
    // An office whose PC runs an hour ahead: its edit moves this clock past the local edits (as an import does).
    const remote = formatHlc({ wallMs: now + 3600_000, counter: 3, node: 'office-b' });
    first.db.transaction(() => first.oplog.observe(remote))();
    const observed = first.oplog.clock;
    expect(compareHlc(observed, parseHlc(remote))).toBeGreaterThan(0);
    first.close();

    now -= 24 * 3600 * 1000;
    const second = await openStore(dir, { now: () => now });
    expect(second.oplog.clock).toEqual(observed);
    // An action with no operation (an undo passed over) is a group alone: its clock is kept all the same.
    second.oplog.apply('passed:edit', plan.id, []);
    const passed = second.oplog.clock;
    second.close();
    const third = await openStore(dir, { now: () => now });
    expect(third.oplog.clock).toEqual(passed);
    updatePlan(third, plan.id, [{ field: 'title', value: 'หลังเปิดใหม่' }]);
    const newest = third.db.prepare('SELECT hlc FROM ops ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
    expect(newest > formatHlc(passed)).toBe(true);
    third.close();
  });
});
