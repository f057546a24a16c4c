import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPlan } from '../../main/services/plans.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { int, rng } from '../harness/random.ts';
import { useTempDir } from '../harness/tmp.ts';

/**
 * An edit the UI showed as saved survives the app being killed at any moment. SIGKILL does not drop the OS
 * page cache, so this proves atomic commits, WAL recovery and a clean reopen of a file a dead process left
 * behind; synchronous=FULL (open.ts) is what carries the same guarantee through a power cut.
 */
const tempDir = useTempDir();
const EDITS = 1000;
const KILL_POINTS = 5;
const CHILD = join(import.meta.dirname, '..', 'harness', 'edit-loop.ts');

/** Run the edit loop and SIGKILL it once it has acknowledged `killAt` edits; returns the last ack it wrote. */
function editUntilKilled(
  path: string,
  killAt: number,
): Promise<{ planId: string; lastAck: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', CHILD, path, String(EDITS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let planId = '';
    let lastAck = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Acks that were already in the pipe when the kill landed still count: their edits had returned.
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, value] = line.split(' ');
        if (word === 'plan') planId = value!;
        else if (word === 'ack') lastAck = Number(value);
        if (lastAck >= killAt && !child.killed) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (!planId) reject(new Error(`edit loop failed (${code}): ${stderr}`));
      else resolve({ planId, lastAck, signal });
    });
  });
}

describe('durability', () => {
  const seed = Date.now() % 1_000_000;
  const next = rng(seed);

  it(`keeps every acknowledged edit when the app is killed mid-typing (${KILL_POINTS} kill points, seed ${seed})`, async () => {
    for (let i = 0; i < KILL_POINTS; i++) {
      const dir = tempDir();
      const path = join(dir, 'phaen.sqlite');
      const killAt = int(next, 1, EDITS - 1);
      const { planId, lastAck, signal } = await editUntilKilled(path, killAt);
      const where = `seed ${seed}, kill at ack ${killAt}, last ack ${lastAck}`;
      if (lastAck < EDITS) expect(signal, where).toBe('SIGKILL'); // else the loop finished before the kill landed
      expect(existsSync(`${path}-wal`), where).toBe(true); // the dead process left its WAL: recovery is exercised
      expect(lastAck, where).toBeGreaterThanOrEqual(killAt);

      const store = await openStore(dir); // reopening goes through inspect() on the WAL the dead process left
      expect(store.db.pragma('integrity_check', { simple: true }), where).toBe('ok');
      // Every acknowledged edit is in the log, in order, with nothing missing in between.
      const numbers = (field: string) =>
        (
          store.db
            .prepare(
              "SELECT value FROM ops WHERE field = ? AND grp IN (SELECT id FROM op_groups WHERE label LIKE 'edit:%') ORDER BY hlc",
            )
            .pluck()
            .all(field) as string[]
        ).map((v) => Number(/\d+/.exec(JSON.parse(v) as string)![0]));
      const titles = numbers('title');
      const orgs = numbers('organisation');
      const saved = [...titles, ...orgs].sort((a, b) => a - b);
      expect(saved.length, where).toBeGreaterThanOrEqual(lastAck);
      expect(saved, where).toEqual(Array.from({ length: saved.length }, (_, k) => k + 1));
      // The plan shows the last acknowledged value of each field, or one written after it (before the kill landed).
      const plan = getPlan(store, planId);
      const lastOdd = lastAck % 2 === 1 ? lastAck : lastAck - 1;
      const lastEven = lastAck % 2 === 0 ? lastAck : lastAck - 1;
      expect(plan.title, where).toBe(lastOdd >= 1 ? `แก้ไขครั้งที่ ${titles.at(-1)}` : bmaDraft.title);
      expect(titles.at(-1) ?? 0, where).toBeGreaterThanOrEqual(lastOdd);
      expect(plan.organisation, where).toBe(orgs.length ? `หน่วยงาน ${orgs.at(-1)}` : bmaDraft.organisation);
      expect(orgs.at(-1) ?? 0, where).toBeGreaterThanOrEqual(lastEven);
      store.close();
    }
  }, 60_000);
});
