import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../main/core/exchange/canonical.ts';
import { randomUUID } from 'node:crypto';
import type { PackageFile } from '../../main/core/exchange/format.ts';
import { formatHlc } from '../../main/core/hlc.ts';
import { listConflicts, resolveConflict } from '../../main/services/exchange/conflicts.ts';
import { listDeleteConflicts, resolveDelete } from '../../main/services/exchange/deletes.ts';
import { buildPackage } from '../../main/services/exchange/export.ts';
import { exportPlanFile, importPlanFile, parsePlanFile, serialisePlanFile } from '../../main/services/planFile.ts';
import { newSigningKey } from '../../main/services/signing.ts';
import { getPlanExchange, registerKey, savePlanExchange } from '../../main/services/exchange/state.ts';
import { createPlan, getPlan } from '../../main/services/plans.ts';
import { createRows, deleteRow, listRows, moveRow, updateRow } from '../../main/services/rows.ts';
import type { Row } from '../../main/core/rows.ts';
import type { Store } from '../../main/services/store/store.ts';
import { SECRETARIAT, exportText, importTexts, office, openReplica, reseal, tables } from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

/**
 * Offices edit offline (text, numbers, new rows, deletes with their children, reorders, undo), send
 * contributions that the secretariat receives in any order, twice, or never (and later again), while the
 * secretariat edits, resolves conflicts and sends updates that reach offices late or out of order. After a last
 * round every replica holds the same plan, and at the secretariat the edits of each field that no other edit
 * had seen (worked out here from what each replica held when it wrote, not from the app's own bookkeeping) are
 * exactly the winner and the listed conflict. Forged packages (another key, a header edit, a claim to be the
 * secretariat, a changed byte) are refused with nothing written; a row left alive under a deleted parent is a
 * delete conflict at every replica and shown nowhere, and once settled nothing is left under a deleted parent;
 * the merged plan's JSON export reads back. An office's data folder copied to a second computer is detected there
 * and given a new identity; both computers' edits reach every replica once the secretariat confirms the new key.
 */

const tempDir = useTempDir();

const Action = fc.oneof(
  {
    arbitrary: fc.record({ t: fc.constant('edit' as const), who: fc.nat(), row: fc.nat(), value: fc.nat(5) }),
    weight: 6,
  },
  { arbitrary: fc.record({ t: fc.constant('create' as const), who: fc.nat(), kind: fc.nat(2) }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('delete' as const), who: fc.nat(), row: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({ t: fc.constant('move' as const), who: fc.nat(), row: fc.nat(), after: fc.nat() }),
    weight: 1,
  },
  { arbitrary: fc.record({ t: fc.constant('undo' as const), who: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('send' as const), who: fc.nat() }), weight: 3 },
  {
    arbitrary: fc.record({
      t: fc.constant('deliver' as const),
      item: fc.nat(),
      fate: fc.constantFrom('once', 'twice-later', 'lost', 'late'),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ t: fc.constant('update' as const) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('receive' as const), who: fc.nat(), update: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('resolve' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('forge' as const), who: fc.nat(), how: fc.nat(4) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('copy' as const), who: fc.nat() }), weight: 1 },
);

type Step = typeof Action extends fc.Arbitrary<infer T> ? T : never;

const TEXTS = ['สื่อออนไลน์', 'วิทยุชุมชน', 'ป้ายประกาศ', '<b>เสียงตามสาย</b>', 'หอกระจายข่าว', 'สื่อสิ่งพิมพ์'];

interface Sim {
  readonly replicas: Store[]; // [secretariat, ...offices]
  /** A KPI assigned to every office: where their edits meet. */
  sharedKpi: string;
  readonly knowledge: Map<string, Set<string>>;
  readonly mailbox: string[]; // contributions on the way to the secretariat
  readonly later: string[]; // delivered once, to be delivered again (or lost and sent again) at the end
  readonly updates: string[];
  /** Forged packages the secretariat refused. */
  forged: number;
  /** Installations made by copying an office's data folder to a second computer. */
  copies: number;
  readonly root: string;
  readonly copyOf: Map<Store, Store>;
  /** A copy's packages refused until the first computer's package brings the rows they edit. */
  readonly waiting: string[];
  /** Installations whose contributions the secretariat accepted. */
  readonly heard: Set<string>;
}

function opIds(store: Store): Set<string> {
  return new Set(store.db.prepare('SELECT id FROM ops').pluck().all() as string[]);
}

/** Run a local action and note, for each operation it wrote, everything its writer had (transitively). */
function local(sim: Sim, store: Store, action: () => unknown): void {
  const before = opIds(store);
  try {
    action();
  } catch (err) {
    // Random actions may hit a row another office deleted, or nothing to undo: no operation, nothing to note.
    if (!(err instanceof Error && 'code' in err)) throw err;
  }
  const known = new Set(before);
  for (const id of before) for (const k of sim.knowledge.get(id) ?? []) known.add(k);
  const fresh = (store.db.prepare('SELECT id FROM ops ORDER BY hlc').pluck().all() as string[]).filter(
    (id) => !before.has(id),
  );
  for (const [i, id] of fresh.entries()) sim.knowledge.set(id, new Set([...known, ...fresh.slice(0, i)]));
}

/**
 * The rows a replica may write: the secretariat all of them; an office only its parts (its factors, the KPI
 * every office reports on, and rows beneath it), as the assignments say, so none of its packages is refused.
 */
function writable(sim: Sim, who: Store, planId: string): Row[] {
  const rows = listRows(who, planId).filter((r) => r.entity !== 'planOptions');
  if (who === sim.replicas[0]) return rows;
  const office = rows.find((r) => r.entity === 'office' && r.data.code === identityOf(who).code);
  return rows.filter(
    (r) =>
      (r.entity === 'factor' &&
        (r.data.sourceOfficeId === office?.id || (r.data.sourceOfficeId === null && r.createdBy === who.officeId))) ||
      r.id === sim.sharedKpi ||
      r.parentId === sim.sharedKpi,
  );
}

function identityOf(store: Store) {
  return store.getSettings().office!;
}

function step(sim: Sim, planId: string, a: Step): void {
  const pick = <T>(list: readonly T[], n: number) => list[n % list.length];
  const who = 'who' in a ? sim.replicas[a.who % sim.replicas.length]! : sim.replicas[0]!;
  const secretariat = who === sim.replicas[0];
  switch (a.t) {
    case 'edit': {
      const row = pick(writable(sim, who, planId), a.row);
      if (!row) return;
      const edit =
        row.entity === 'factor' && a.value % 2 === 0
          ? { field: 'rating', value: (a.value % 5) + 1 }
          : row.entity === 'kpiTarget'
            ? { field: 'target', value: a.value * 5 }
            : { field: row.entity === 'factor' ? 'statement' : 'name', value: TEXTS[a.value]! };
      local(sim, who, () => updateRow(who, row.id, [edit]));
      return;
    }
    case 'create': {
      const issues = listRows(who, planId).filter((r) => r.entity === 'strategicIssue');
      const values = { name: TEXTS[a.kind]! };
      const row =
        a.kind === 0
          ? { entity: 'factor' as const, values: { swot: 'O', category: 'P', statement: TEXTS[a.kind]! } }
          : !secretariat
            ? // An office's new row beneath its part: a yearly target of the shared KPI (offices meet on its id).
              {
                entity: 'kpiTarget' as const,
                parentId: sim.sharedKpi,
                values: { year: 2566 + (a.who % 5), target: a.kind * 10 },
              }
            : a.kind === 1 || issues.length === 0
              ? { entity: 'strategicIssue' as const, values }
              : { entity: 'goal' as const, parentId: issues[0]!.id, values };
      local(sim, who, () => createRows(who, planId, [row]));
      return;
    }
    case 'delete': {
      const row = pick(writable(sim, who, planId), a.row);
      if (row) local(sim, who, () => deleteRow(who, row.id));
      return;
    }
    case 'move': {
      const rows = writable(sim, who, planId).filter((r) => r.entity === 'factor');
      const row = pick(rows, a.row);
      if (row)
        local(sim, who, () => moveRow(who, row.id, a.after % 3 === 0 ? null : (pick(rows, a.after)?.id ?? null)));
      return;
    }
    case 'undo':
      local(sim, who, () => who.oplog.undoLast());
      return;
    case 'send':
      if (who !== sim.replicas[0]) sim.mailbox.push(exportText(who, planId));
      return;
    case 'deliver': {
      if (sim.mailbox.length === 0) return;
      const [item] = sim.mailbox.splice(a.item % sim.mailbox.length, 1);
      if (a.fate !== 'lost' && a.fate !== 'late') deliver(sim, planId, item!);
      if (a.fate === 'twice-later' || a.fate === 'late') sim.later.push(item!);
      return;
    }
    case 'update':
      sim.updates.push(exportText(sim.replicas[0]!, planId));
      return;
    case 'receive': {
      const update = pick(sim.updates, a.update);
      const target = sim.replicas[1 + (a.who % (sim.replicas.length - 1))]!;
      if (update) expectImported(importTexts(target, [update], { planId }));
      return;
    }
    case 'forge':
      forge(sim, planId, sim.replicas[1 + (a.who % (sim.replicas.length - 1))]!, a.how);
      return;
    case 'resolve': {
      const secretariat = sim.replicas[0]!;
      const conflict = pick(listConflicts(secretariat, planId), a.pick);
      if (!conflict) return;
      const chosen = pick(conflict.values, a.pick)!;
      local(sim, secretariat, () => resolveConflict(secretariat, planId, { ...conflict, value: chosen.value }));
    }
  }
}

/**
 * A package no genuine office sends, built from an office's real one: signed by another key once the office's key
 * is registered, its own key sealing an edit of the plan's header, a claim to be the secretariat or a move of the
 * shared KPI's goal under that KPI, or a value changed after signing. The secretariat refuses each with its reason,
 * and writes nothing.
 */
function forge(sim: Sim, planId: string, from: Store, how: number): void {
  const secretariat = sim.replicas[0]!;
  const genuine = buildPackage(from, planId).text;
  const registered = secretariat.db
    .prepare('SELECT 1 FROM exchange_keys WHERE office_code = ?')
    .get(identityOf(from).code);
  /** One more operation of the sender's own, as if it had written it. */
  const append = (
    f: PackageFile,
    label: string,
    op: { entity: string; rowId: string; field: string; value: unknown },
  ) => {
    const hlc = formatHlc({ wallMs: Date.now(), counter: 0, node: from.officeId });
    f.payload.groups.push({
      id: randomUUID(),
      hlc,
      actor: from.officeId,
      label,
      ops: [{ id: randomUUID(), type: 'set', hlc, ...op, seen: [] }],
    });
    f.manifest.opCount++;
    f.manifest.hlcRange = { first: f.manifest.hlcRange.first ?? hlc, last: hlc };
  };
  const header = (f: PackageFile) =>
    append(f, 'edit:plan', { entity: 'plan', rowId: planId, field: 'deleted', value: true });
  // The shared KPI's goal moved under that KPI, sealed by the office's own key: a goal under a KPI (its own, a
  // cycle) is refused as the wrong parent before its assignment is asked (the KPI is the office's, the goal not).
  const moveUnderOwnKpi = (f: PackageFile) => {
    const goal = from.db.prepare('SELECT parent_id FROM rows WHERE id = ?').pluck().get(sim.sharedKpi) as string;
    append(f, 'move', { entity: 'goal', rowId: goal, field: 'parentId', value: sim.sharedKpi });
  };
  const [text, reason] =
    how === 0 && registered
      ? [reseal(genuine, () => undefined, newSigningKey().key), 'key-changed']
      : how === 1
        ? [reseal(genuine, header), 'secretariat-only']
        : how === 2
          ? [reseal(genuine, (f) => void (f.manifest.kind = 'plan')), 'wrong-sender']
          : how === 3
            ? [reseal(genuine, moveUnderOwnKpi), 'bad-parent']
            : [genuine.replace(`"planTitle":"`, `"planTitle":"ปลอม `), 'checksum'];
  const before = tables(secretariat);
  const ops = opIds(secretariat).size;
  const [outcome] = importTexts(secretariat, [text], { planId }).packages;
  expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 'rejected', reason });
  expect(opIds(secretariat).size).toBe(ops);
  expect(tables(secretariat)).toEqual(before);
  sim.forged++;
}

/**
 * A contribution reaching the secretariat. An office working on two computers (its data folder copied, the copy
 * given a new identity and key) signs with two keys: whichever computer is heard second is refused as signed by
 * another key than the office's, naming its fingerprint; the secretariat confirms it by phone
 * (exchange.acknowledgeOffice with the key) and imports it again. From then on both computers are heard.
 * A copy's package may also edit a row that the first computer made before the copy and has not sent yet: it is
 * refused (the row is not at the secretariat) and waits, as the copy sends it again, until the first computer's
 * package has come (run() delivers what waits at the end).
 */
function deliver(sim: Sim, planId: string, text: string): void {
  const secretariat = sim.replicas[0]!;
  const [outcome] = importTexts(secretariat, [text], { planId }).packages;
  const { sender } = (JSON.parse(text) as PackageFile).manifest;
  const computer = sim.replicas.find((r) => r.officeId === sender.actor)!;
  if (outcome?.status === 'rejected' && outcome.reason === 'key-changed') {
    const twoComputers = sim.copyOf.has(computer) || [...sim.copyOf.values()].includes(computer);
    expect(twoComputers, `${outcome.reason}: ${outcome.detail}`).toBe(true);
    // Confirmed once: a computer already heard is not refused again when the other one's key is confirmed.
    expect(sim.heard.has(sender.actor), `${outcome.reason}: ${outcome.detail}`).toBe(false);
    registerKey(secretariat.db, planId, sender.code, sender.publicKey!, new Date().toISOString(), true);
    deliver(sim, planId, text);
    return;
  }
  if (outcome?.status === 'rejected' && outcome.reason === 'bad-parent' && sim.copyOf.has(computer)) {
    sim.waiting.push(text);
    return;
  }
  expectImported({ packages: outcome ? [outcome] : [] } as ReturnType<typeof importTexts>);
  sim.heard.add(sender.actor);
}

/**
 * An office's data folder copied, as it is in use, to a second computer. Opened there, the copy sees that its
 * database was another file and asks; the user says it is a copy, and it takes a new identity (office id, key).
 * Both computers go on writing the office's parts; nothing either wrote may be lost.
 */
async function copyFolder(sim: Sim, who: number): Promise<void> {
  if (sim.copies >= 2) return;
  const from = sim.replicas[1 + (who % (sim.replicas.length - 1))]!;
  const dir = join(sim.root, `copy-${sim.copies}`);
  cpSync(dirname(from.path), dir, { recursive: true });
  const opened = await openReplica(dir, identityOf(from));
  expect(opened.officeId).toBe(from.officeId);
  expect(opened.movedFrom?.path).toBe(from.path);
  opened.takeNewIdentity();
  opened.close();
  const copy = await openReplica(dir, identityOf(from));
  expect(copy.officeId).not.toBe(from.officeId);
  expect(copy.movedFrom).toBeNull();
  expect(tables(copy)).toEqual(tables(from));
  sim.replicas.push(copy);
  sim.copyOf.set(copy, from);
  sim.copies++;
}

/** Every office writes only its parts and every package is genuine: nothing may be refused. */
function expectImported(report: ReturnType<typeof importTexts>): void {
  for (const p of report.packages) expect(p.status, `${p.reason}: ${p.detail}`).not.toBe('rejected');
}

interface CellOp {
  id: string;
  hlc: string;
  entity: string;
  row_id: string;
  field: string;
  value: string;
}

function conflictKeys(store: Store, planId: string): string[] {
  return listConflicts(store, planId)
    .map((c) => `${c.entity}|${c.rowId}|${c.field}|${c.values.map((v) => v.opId).join(',')}`)
    .sort();
}

function deleteKeys(store: Store, planId: string): string[] {
  return listDeleteConflicts(store, planId)
    .map((c) => `${c.kind}|${c.rowId}`)
    .sort();
}

/** Rows not marked deleted whose parent is. */
function underDeleted(store: Store, planId: string): string[] {
  return store.db
    .prepare(
      `SELECT r.id FROM rows r JOIN rows p ON p.id = r.parent_id
       WHERE r.plan_id = ? AND r.deleted = 0 AND p.deleted = 1 ORDER BY r.id`,
    )
    .pluck()
    .all(planId) as string[];
}

async function run(actions: readonly Step[], offices: number, order: readonly number[]) {
  const root = tempDir();
  const secretariat = await openReplica(join(root, 's'), SECRETARIAT);
  const sim: Sim = {
    replicas: [secretariat],
    sharedKpi: '',
    knowledge: new Map(),
    mailbox: [],
    later: [],
    updates: [],
    forged: 0,
    copies: 0,
    copyOf: new Map(),
    waiting: [],
    heard: new Set(),
    root,
  };
  let planId = '';
  const codes = Array.from({ length: offices }, (_, i) => String(1001 + i));
  local(sim, secretariat, () => {
    planId = createPlan(secretariat, bmaDraft).id;
    const [issue] = createRows(secretariat, planId, [{ entity: 'strategicIssue', values: { name: 'ประเด็นที่ 1' } }]);
    const [goal] = createRows(secretariat, planId, [
      { entity: 'goal', parentId: issue!.id, values: { name: 'เป้าประสงค์' } },
    ]);
    const [kpi] = createRows(secretariat, planId, [
      { entity: 'kpi', parentId: goal!.id, values: { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ' } },
    ]);
    sim.sharedKpi = kpi!.id;
    // Each office's row, and two factors it is the source of.
    for (const code of codes) {
      const [row] = createRows(secretariat, planId, [{ entity: 'office', values: { code, name: `เขต ${code}` } }]);
      createRows(secretariat, planId, [
        { entity: 'factor', values: { swot: 'S', category: 'S1', statement: 'จุดแข็ง', sourceOfficeId: row!.id } },
        { entity: 'factor', values: { swot: 'W', category: 'M1', statement: 'จุดอ่อน', sourceOfficeId: row!.id } },
      ]);
    }
  });
  savePlanExchange(secretariat.db, {
    ...getPlanExchange(secretariat.db, planId),
    assignments: codes.map((c) => ({
      officeCode: c,
      officeName: `เขต ${c}`,
      factors: true,
      kpiIds: [sim.sharedKpi],
      projectIds: [],
    })),
  });
  const planPackage = exportText(secretariat, planId);
  for (const code of codes) {
    const replica = await openReplica(join(root, code), office(code));
    importTexts(replica, [planPackage]);
    sim.replicas.push(replica);
  }
  for (const action of actions) {
    if (action.t === 'copy') await copyFolder(sim, action.who);
    else step(sim, planId, action);
  }

  // The last round: late and duplicate packages, every office's contribution, in a shuffled order; then the update.
  const pending = [...sim.mailbox, ...sim.later, ...sim.replicas.slice(1).map((o) => exportText(o, planId))];
  const shuffled = pending
    .map((p, i) => ({ p, k: order[i % Math.max(order.length, 1)] ?? i }))
    .sort((x, y) => x.k - y.k);
  for (const { p } of shuffled) deliver(sim, planId, p);
  // What waited for the first computer's package goes in now that every package has come.
  for (let waited = Infinity; sim.waiting.length > 0 && sim.waiting.length < waited;) {
    waited = sim.waiting.length;
    for (const p of sim.waiting.splice(0)) deliver(sim, planId, p);
  }
  expect(sim.waiting).toEqual([]);
  const update = exportText(secretariat, planId);
  for (const o of sim.replicas.slice(1)) expectImported(importTexts(o, [update], { planId }));

  const expected = tables(secretariat);
  for (const o of sim.replicas.slice(1)) expect(tables(o)).toEqual(expected);

  // Ground truth at the secretariat, which has every operation: per field, the edits no other edit had seen.
  const ops = secretariat.db.prepare('SELECT id, hlc, entity, row_id, field, value FROM ops').all() as CellOp[];
  const cells = new Map<string, CellOp[]>();
  for (const op of ops) {
    const key = `${op.entity}|${op.row_id}|${op.field}`;
    cells.set(key, [...(cells.get(key) ?? []), op]);
  }
  const listed = new Map(listConflicts(secretariat, planId).map((c) => [`${c.entity}|${c.rowId}|${c.field}`, c]));
  for (const [key, cell] of cells) {
    const maximal = cell.filter((x) => !cell.some((y) => y !== x && sim.knowledge.get(y.id)!.has(x.id)));
    const winner = cell.reduce((a, b) => (b.hlc > a.hlc ? b : a));
    expect(maximal, key).toContain(winner);
    const distinct = new Set(maximal.map((op) => canonicalJson(JSON.parse(op.value))));
    const conflict = listed.get(key);
    if (distinct.size > 1) {
      expect(conflict, key).toBeDefined();
      expect(conflict!.values.map((v) => v.opId).sort(), key).toEqual(maximal.map((op) => op.id).sort());
      expect(conflict!.values[0]!.opId, key).toBe(winner.id);
    } else {
      expect(conflict, key).toBeUndefined();
    }
  }
  // Every replica lists the same conflicts, though offices hold only the edits that still stand.
  const atSecretariat = conflictKeys(secretariat, planId);
  for (const o of sim.replicas.slice(1)) expect(conflictKeys(o, planId)).toEqual(atSecretariat);

  // A row left alive under a deleted parent is a delete conflict everywhere, and shown nowhere.
  const deletes = deleteKeys(secretariat, planId);
  for (const r of sim.replicas) {
    expect(deleteKeys(r, planId)).toEqual(deletes);
    const orphans = underDeleted(r, planId);
    expect(orphans.filter((id) => !deletes.includes(`orphan|${id}`))).toEqual([]);
    const live = new Set(listRows(r, planId).map((row) => row.id));
    expect(orphans.filter((id) => live.has(id))).toEqual([]);
  }
  // Settled at the secretariat (restored or confirmed by turns), the choices reach every office alike.
  for (let turn = 0; ; turn++) {
    const [first] = listDeleteConflicts(secretariat, planId);
    if (!first) break;
    resolveDelete(secretariat, planId, first.rowId, turn % 2 === 0);
  }
  const settled = exportText(secretariat, planId);
  for (const o of sim.replicas.slice(1)) expectImported(importTexts(o, [settled], { planId }));
  for (const r of sim.replicas) {
    expect(tables(r)).toEqual(tables(secretariat));
    expect(listDeleteConflicts(r, planId)).toEqual([]);
    expect(underDeleted(r, planId)).toEqual([]);
  }
  // The merged plan's JSON export reads back, whole.
  const file = parsePlanFile(
    serialisePlanFile(exportPlanFile(getPlan(secretariat, planId), listRows(secretariat, planId))),
  );
  const copy = importPlanFile(secretariat, file);
  expect(listRows(secretariat, copy.plan.id)).toHaveLength(listRows(secretariat, planId).length);
  for (const r of sim.replicas) r.close();
  return { conflicts: atSecretariat.length, deletes: deletes.length, forged: sim.forged, copies: sim.copies };
}

describe('exchange through the secretariat (property)', () => {
  it('converges every replica, lists concurrent edits and deletes as conflicts, refuses every forged package', async () => {
    let withConflicts = 0;
    let withDeletes = 0;
    let forged = 0;
    let copies = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(Action, { minLength: 15, maxLength: 45 }),
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        async (actions, offices, order) => {
          console.log('run', actions.length, actions.filter((a) => a.t === 'copy').length, Date.now());
          const result = await run(actions, offices, order);
          if (result.conflicts > 0) withConflicts++;
          if (result.deletes > 0) withDeletes++;
          forged += result.forged;
          copies += result.copies;
        },
      ),
      { numRuns: 20, seed: 2566, endOnFailure: true },
    );
    // The runs exercised conflicts, not only clean merges.
    expect(withConflicts).toBeGreaterThan(2);
    expect(withDeletes).toBeGreaterThan(0);
    expect(forged).toBeGreaterThan(3);
    expect(copies).toBeGreaterThan(2);
  }, 120_000);
});
