import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../main/core/exchange/api.ts';
import { historyActions } from '../../main/core/rowHistory.ts';
import { listConflicts, resolveConflict } from '../../main/services/exchange/conflicts.ts';
import {
  acceptSecretariatKey,
  actorOffices,
  getPlanExchange,
  savePlanExchange,
} from '../../main/services/exchange/state.ts';
import { keyFingerprint } from '../../main/services/signing.ts';
import { arrivalChanges, arrivalsView, exchangeStatus } from '../../main/services/exchange/views.ts';
import { createPlan, getPlan } from '../../main/services/plans.ts';
import { rowHistory } from '../../main/services/rowHistory.ts';
import { createRows, getRow, listRows, updateRow } from '../../main/services/rows.ts';
import type { Store } from '../../main/services/store/store.ts';
import {
  SECRETARIAT,
  dump,
  exportText,
  fileBytes,
  importTexts,
  office,
  openReplica,
  tables,
} from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();

const PRANAKHON = office('1001', 'สำนักงานเขตพระนคร');
const DUSIT = office('1002', 'สำนักงานเขตดุสิต');

function assign(code: string, name: string, kpiIds: string[]): Assignment {
  return { officeCode: code, officeName: name, factors: true, kpiIds, projectIds: [] };
}

/**
 * A secretariat with a plan of two KPIs whose figures both districts report (each assigned both), and the
 * districts holding its package.
 */
async function network() {
  const secretariat = await openReplica(join(tempDir(), 's'), SECRETARIAT);
  const plan = createPlan(secretariat, bmaDraft);
  const [issue] = createRows(secretariat, plan.id, [{ entity: 'strategicIssue', values: { name: 'การสื่อสาร' } }]);
  const [goal] = createRows(secretariat, plan.id, [
    { entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้' } },
  ]);
  const [strength, weakness] = createRows(secretariat, plan.id, [
    { entity: 'kpi', parentId: goal!.id, values: { name: 'บุคลากรมีความรู้ด้านสื่อ', unit: 'คน' } },
    { entity: 'kpi', parentId: goal!.id, values: { name: 'งบประมาณจำกัด', unit: 'บาท' } },
  ]);
  const kpiIds = [strength!.id, weakness!.id];
  savePlanExchange(secretariat.db, {
    ...getPlanExchange(secretariat.db, plan.id),
    assignments: [assign(PRANAKHON.code, PRANAKHON.name, kpiIds), assign(DUSIT.code, DUSIT.name, kpiIds)],
  });
  const planPackage = exportText(secretariat, plan.id);
  const dirs = { a: join(tempDir(), 'a'), b: join(tempDir(), 'b') };
  const a = await openReplica(dirs.a, PRANAKHON);
  const b = await openReplica(dirs.b, DUSIT);
  for (const o of [a, b]) expect(importTexts(o, [planPackage]).packages[0]).toMatchObject({ status: 'imported' });
  return { secretariat, a, b, dirs, planId: plan.id, strength: strength!, weakness: weakness! };
}

function closeAll(...stores: Store[]): void {
  for (const s of stores) s.close();
}

describe('exchange between offices and the secretariat', () => {
  it('sends the plan with its assignments; an office gets the same plan and knows its secretariat', async () => {
    const { secretariat, a, b, planId } = await network();
    expect(tables(a)).toEqual(tables(secretariat));
    expect(getPlan(a, planId).title).toBe(bmaDraft.title);
    const status = exchangeStatus(a, planId);
    expect(status.secretariat).toEqual({ code: 'PR', name: SECRETARIAT.name, role: 'secretariat' });
    expect(status.assignments.map((x) => x.officeCode)).toEqual(['1001', '1002']);
    closeAll(secretariat, a, b);
  });

  it('brings an office contribution to the secretariat and logs per office what arrived and what it changed', async () => {
    const { secretariat, a, b, planId, strength } = await network();
    updateRow(a, strength.id, [{ field: 'name', value: 'บุคลากรมีความรู้ด้านสื่อดิจิทัล' }]);
    createRows(a, planId, [{ entity: 'factor', values: { swot: 'O', category: 'T', statement: 'ประชาชนใช้สื่อออนไลน์' } }]);
    expect(exchangeStatus(a, planId).unconfirmedOps).toBeGreaterThan(0);

    const report = importTexts(secretariat, [exportText(a, planId)], { planId });
    expect(report.packages[0]).toMatchObject({
      status: 'imported',
      kind: 'contribution',
      sender: { code: '1001', name: 'สำนักงานเขตพระนคร', role: 'contributor' },
      conflicts: 0,
    });
    expect(report.packages[0]!.newOps).toBe(report.packages[0]!.opCount);
    expect(report.packages[0]!.changedCells).toBeGreaterThan(1);
    expect(getRow(secretariat, strength.id).data.name).toBe('บุคลากรมีความรู้ด้านสื่อดิจิทัล');
    expect(listRows(secretariat, planId).map((r) => r.data.statement)).toContain('ประชาชนใช้สื่อออนไลน์');

    const view = arrivalsView(secretariat, planId);
    expect(view.offices.find((o) => o.code === '1001')).toMatchObject({ assigned: true, arrivals: 1 });
    expect(view.offices.find((o) => o.code === '1002')).toMatchObject({ assigned: true, arrivals: 0 });
    const changes = arrivalChanges(secretariat, view.arrivals[0]!.id);
    expect(changes.total).toBe(report.packages[0]!.opCount);
    expect(changes.changes).toContainEqual(
      expect.objectContaining({
        rowId: strength.id,
        field: 'name',
        value: 'บุคลากรมีความรู้ด้านสื่อดิจิทัล',
        current: true,
      }),
    );

    // The office's edit of a row the secretariat already had reads as an edit from the old text, by that office.
    const [latest] = historyActions('kpi', rowHistory(secretariat, strength.id));
    expect(latest).toMatchObject({ kind: 'edited', actor: a.officeId });
    expect(latest!.changes).toContainEqual(
      expect.objectContaining({
        field: 'name',
        value: 'บุคลากรมีความรู้ด้านสื่อดิจิทัล',
        previous: strength.data.name,
      }),
    );

    // The update package takes the contribution to the other office, and confirms receipt to the first.
    const update = exportText(secretariat, planId);
    importTexts(b, [update]);
    importTexts(a, [update]);
    expect(tables(b)).toEqual(tables(secretariat));
    expect(tables(a)).toEqual(tables(secretariat));
    expect(exchangeStatus(a, planId).unconfirmedOps).toBe(0);
    closeAll(secretariat, a, b);
  });

  it('lists the same field edited by two offices as a conflict with who and when, and resolving it travels', async () => {
    const { secretariat, a, b, planId, weakness } = await network();
    updateRow(a, weakness.id, [{ field: 'name', value: 'งบประมาณประชาสัมพันธ์ลดลง' }]);
    // A later millisecond: the two offices' clocks are independent, so the same one would leave the winner to ids.
    await new Promise((resolve) => setTimeout(resolve, 5));
    updateRow(b, weakness.id, [{ field: 'name', value: 'งบประมาณไม่เพียงพอต่อการผลิตสื่อ' }]);
    const report = importTexts(secretariat, [exportText(a, planId), exportText(b, planId)]);
    expect(report.packages.map((p) => p.status)).toEqual(['imported', 'imported']);
    expect(report.packages[1]!.conflicts).toBe(1);

    // Each sender's office is known by its installation, so rows and history can name it.
    expect(actorOffices(secretariat)).toEqual(
      expect.arrayContaining([
        { actor: a.officeId, code: '1001', name: expect.any(String), role: 'contributor' },
        { actor: b.officeId, code: '1002', name: expect.any(String), role: 'contributor' },
      ]),
    );

    const [conflict, ...rest] = listConflicts(secretariat, planId);
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({ entity: 'kpi', rowId: weakness.id, field: 'name' });
    // Both values kept, newest (the winner the plan shows) first, each with its office.
    expect(conflict!.values.map((v) => [v.office?.code, v.value, v.winner])).toEqual([
      ['1002', 'งบประมาณไม่เพียงพอต่อการผลิตสื่อ', true],
      ['1001', 'งบประมาณประชาสัมพันธ์ลดลง', false],
    ]);
    expect(getRow(secretariat, weakness.id).data.name).toBe('งบประมาณไม่เพียงพอต่อการผลิตสื่อ');
    expect(exchangeStatus(secretariat, planId).conflicts).toBe(1);

    // The secretariat chooses the first office's value: an edit of its own that has seen both.
    expect(
      resolveConflict(secretariat, planId, {
        entity: 'kpi',
        rowId: weakness.id,
        field: 'name',
        value: 'งบประมาณประชาสัมพันธ์ลดลง',
      }),
    ).toEqual([]);
    const update = exportText(secretariat, planId);
    for (const o of [a, b]) {
      importTexts(o, [update]);
      expect(getRow(o, weakness.id).data.name).toBe('งบประมาณประชาสัมพันธ์ลดลง');
      expect(listConflicts(o, planId)).toEqual([]);
      expect(tables(o)).toEqual(tables(secretariat));
    }
    // Undo passes over the resolution (its inverse would have seen both values and buried the other office's
    // unlisted) to the secretariat's earlier action.
    expect(secretariat.oplog.undoLast().label).not.toMatch(/^resolve:/);
    closeAll(secretariat, a, b);
  });

  it('does not call an edit made after seeing another a conflict', async () => {
    const { secretariat, a, b, planId, strength } = await network();
    updateRow(a, strength.id, [{ field: 'name', value: 'ฉบับเขตพระนคร' }]);
    importTexts(secretariat, [exportText(a, planId)]);
    importTexts(b, [exportText(secretariat, planId)]);
    // Dusit saw Pranakhon's text before changing it again.
    updateRow(b, strength.id, [{ field: 'name', value: 'ฉบับเขตดุสิตที่ปรับจากเขตพระนคร' }]);
    importTexts(secretariat, [exportText(b, planId)]);
    expect(listConflicts(secretariat, planId)).toEqual([]);
    expect(getRow(secretariat, strength.id).data.name).toBe('ฉบับเขตดุสิตที่ปรับจากเขตพระนคร');
    closeAll(secretariat, a, b);
  });

  it('lists conflicts of a file written before the list was kept (schema 6) and no longer once a local edit settles them', async () => {
    const { secretariat, a, b, planId, strength, weakness } = await network();
    updateRow(a, weakness.id, [{ field: 'name', value: 'งบประมาณประชาสัมพันธ์ลดลง' }]);
    updateRow(a, strength.id, [{ field: 'unit', value: 'ราย' }]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    updateRow(b, weakness.id, [{ field: 'name', value: 'งบประมาณไม่เพียงพอต่อการผลิตสื่อ' }]);
    importTexts(secretariat, [exportText(a, planId), exportText(b, planId)]);
    const listed = (s: Store) => listConflicts(s, planId).map((c) => [c.rowId, c.field]);
    expect(listed(secretariat)).toEqual([[weakness.id, 'name']]);

    // The same database as an older Phaen left it: no list of fields in conflict yet.
    secretariat.db.exec('DROP TABLE exchange_conflicts');
    secretariat.db.pragma('user_version = 6');
    secretariat.close();
    const reopened = await openReplica(dirname(secretariat.path), SECRETARIAT);
    // The migration starts from every field two installations edited; the unit (edited by the secretariat and
    // one office, one after the other) is among them but is no conflict.
    expect(listed(reopened)).toEqual([[weakness.id, 'name']]);

    updateRow(reopened, weakness.id, [{ field: 'name', value: 'งบประมาณด้านสื่อไม่เพียงพอ' }]);
    expect(listed(reopened)).toEqual([]);
    expect(exchangeStatus(reopened, planId).conflicts).toBe(0);
    closeAll(reopened, a, b);
  });

  it('judges edits alike at an office that only holds the edits still standing (context is transitive)', async () => {
    const { secretariat, a, b, planId, strength } = await network();
    updateRow(a, strength.id, [{ field: 'name', value: 'เขตพระนคร' }]);
    importTexts(secretariat, [exportText(a, planId)]);
    // The secretariat rewrites it: its plan package carries only its edit, not Pranakhon's.
    updateRow(secretariat, strength.id, [{ field: 'name', value: 'ฝ่ายเลขานุการ' }]);
    importTexts(b, [exportText(secretariat, planId)]);
    // Dusit never held Pranakhon's edit, yet its edit supersedes it through the secretariat's.
    updateRow(b, strength.id, [{ field: 'name', value: 'เขตดุสิต' }]);
    importTexts(secretariat, [exportText(b, planId)]);
    importTexts(a, [exportText(secretariat, planId)]);
    expect(getRow(a, strength.id).data.name).toBe('เขตดุสิต');
    expect(listConflicts(a, planId)).toEqual([]);
    expect(listConflicts(secretariat, planId)).toEqual([]);
    closeAll(secretariat, a, b);
  });

  it('changes nothing when the same package, or one overlapping it, is imported again', async () => {
    const { secretariat, a, b, planId, strength, weakness } = await network();
    const dir = secretariat.path.replace(/[/\\]phaen\.sqlite$/, '');
    updateRow(a, strength.id, [{ field: 'name', value: 'ครั้งที่หนึ่ง' }]);
    const first = exportText(a, planId);
    updateRow(a, weakness.id, [{ field: 'definition', value: 'ผลสำรวจปี 2566' }]);
    // Not yet confirmed by the secretariat, so the second contribution repeats the first one's operations.
    const second = exportText(a, planId);
    expect(importTexts(secretariat, [first]).packages[0]!.status).toBe('imported');

    const before = { dump: dump(secretariat), bytes: fileBytes(dir) };
    expect(importTexts(secretariat, [first]).packages[0]).toMatchObject({ status: 'already-imported' });
    expect(dump(secretariat)).toEqual(before.dump);
    expect(fileBytes(dir)).toBe(before.bytes);

    const overlapping = importTexts(secretariat, [second]).packages[0]!;
    expect(overlapping.status).toBe('imported');
    expect(overlapping.newOps).toBe(1);
    const tablesAfter = tables(secretariat);
    const opsAfter = dump(secretariat).ops;
    // Both again, in the other order, in one import: nothing new.
    expect(importTexts(secretariat, [second, first]).packages.map((p) => p.status)).toEqual([
      'already-imported',
      'already-imported',
    ]);
    expect(tables(secretariat)).toEqual(tablesAfter);
    expect(dump(secretariat).ops).toEqual(opsAfter);
    closeAll(secretariat, a, b);
  });

  it('resends what a lost contribution carried in the next one, until the secretariat confirms it', async () => {
    const { secretariat, a, b, planId, strength, weakness } = await network();
    updateRow(a, strength.id, [{ field: 'name', value: 'ส่งแล้วหาย' }]);
    exportText(a, planId); // lost on the way
    updateRow(a, weakness.id, [{ field: 'name', value: 'ส่งครั้งที่สอง' }]);
    importTexts(secretariat, [exportText(a, planId)]);
    expect(getRow(secretariat, strength.id).data.name).toBe('ส่งแล้วหาย');
    importTexts(a, [exportText(secretariat, planId)]);
    // Confirmed: the next contribution starts after what the secretariat has.
    expect(exchangeStatus(a, planId).unconfirmedOps).toBe(0);
    closeAll(secretariat, a, b);
  });

  it('brings an office’s results for every fiscal quarter, not only ไตรมาส 1', async () => {
    const { secretariat, a, planId, strength } = await network();
    // Quarters 2–4 have ids that name their quarter: the secretariat's check must rebuild them with it.
    createRows(
      a,
      planId,
      [1, 2, 3, 4].map((quarter) => ({
        entity: 'kpiQuarter' as const,
        parentId: strength.id,
        values: { year: 2568, quarter, result: 10 * quarter, status: 'on-track' },
      })),
    );
    const report = importTexts(secretariat, [exportText(a, planId)], { planId });
    expect(report.packages[0]).toMatchObject({ status: 'imported' });
    const quarters = listRows(secretariat, planId).filter((r) => r.entity === 'kpiQuarter');
    expect(quarters.map((r) => [r.id, r.data.quarter, r.data.result]).sort()).toEqual(
      [1, 2, 3, 4].map((q) => [`${strength.id}:2568:q${q}`, q, 10 * q]),
    );
    closeAll(secretariat, a);
  });

  it('keeps undo to this office’s own actions: an import is not undone, nor is a later imported edit', async () => {
    const { secretariat, a, b, planId, strength, weakness } = await network();
    updateRow(a, strength.id, [{ field: 'name', value: 'แก้โดยเขตพระนคร' }]);
    updateRow(a, weakness.id, [{ field: 'name', value: 'จุดอ่อนโดยเขตพระนคร' }]);
    importTexts(secretariat, [exportText(a, planId)]);
    // The secretariat, having seen it, rewrites the strength.
    updateRow(secretariat, strength.id, [{ field: 'name', value: 'ปรับโดยฝ่ายเลขานุการ' }]);
    importTexts(a, [exportText(secretariat, planId)]);
    expect(getRow(a, strength.id).data.name).toBe('ปรับโดยฝ่ายเลขานุการ');

    // Undo takes back the office's last action (the weakness), not the import.
    expect(a.oplog.undoLast().label).toBe('edit:kpi');
    expect(getRow(a, weakness.id).data.name).toBe('งบประมาณจำกัด');
    // Undoing the strength edit leaves the secretariat's newer text standing.
    a.oplog.undoLast();
    expect(getRow(a, strength.id).data.name).toBe('ปรับโดยฝ่ายเลขานุการ');
    closeAll(secretariat, a, b);
  });

  it('refuses a plan package from another installation calling itself the secretariat, naming its key', async () => {
    const { secretariat, a, b, dirs, planId } = await network();
    // Another computer gets the plan as an office, then claims to be the secretariat (same code and name).
    const impostor = await openReplica(join(tempDir(), 'x'), office('9999'));
    importTexts(impostor, [exportText(secretariat, planId)]);
    impostor.setSettings({ office: SECRETARIAT });
    const forged = exportText(impostor, planId);
    const before = { dump: dump(a), bytes: fileBytes(dirs.a) };
    // Only a phone call tells it from the secretariat on a new computer: the refusal names the key to ask about.
    expect(importTexts(a, [forged]).packages[0]).toMatchObject({
      status: 'rejected',
      reason: 'key-changed',
      fingerprint: keyFingerprint(impostor.signingKey.publicKey),
    });
    expect(dump(a)).toEqual(before.dump);
    expect(fileBytes(dirs.a)).toBe(before.bytes);
    // Under another code it is no secretariat at all.
    impostor.setSettings({ office: { ...SECRETARIAT, code: 'PR-2' } });
    expect(importTexts(a, [exportText(impostor, planId)]).packages[0]).toMatchObject({ reason: 'claims-secretariat' });
    closeAll(secretariat, a, b, impostor);
  });

  it('accepts the secretariat on a new computer once the office confirms its new key; the old key is refused', async () => {
    const { secretariat, a, b, planId, strength } = await network();
    const newPc = await openReplica(join(tempDir(), 'new-pc'), office('9999'));
    importTexts(newPc, [exportText(secretariat, planId)]);
    newPc.setSettings({ office: SECRETARIAT });
    updateRow(newPc, strength.id, [{ field: 'unit', value: 'ราย' }]);
    const fromNewPc = exportText(newPc, planId);
    expect(importTexts(a, [fromNewPc]).packages[0]).toMatchObject({ status: 'rejected', reason: 'key-changed' });

    acceptSecretariatKey(a.db, planId, newPc.signingKey.publicKey);
    expect(importTexts(a, [fromNewPc]).packages[0]).toMatchObject({ status: 'imported' });
    expect(getRow(a, strength.id).data.unit).toBe('ราย');
    expect(getPlanExchange(a.db, planId).secretariat).toMatchObject({
      actor: newPc.officeId,
      publicKey: newPc.signingKey.publicKey,
    });
    // The old computer's packages no longer speak for the secretariat here.
    expect(importTexts(a, [exportText(secretariat, planId)]).packages[0]).toMatchObject({
      status: 'rejected',
      reason: 'key-changed',
    });
    expect(() => acceptSecretariatKey(a.db, crypto.randomUUID(), newPc.signingKey.publicKey)).toThrow();
    closeAll(secretariat, a, b, newPc);
  });

  it('keeps HTML and script in text as plain data, byte for byte', async () => {
    const { secretariat, a, b, planId, strength } = await network();
    const html = '<img src=x onerror="alert(1)"><script>document.title="x"</script> &amp; "คำพูด" \u200b';
    updateRow(a, strength.id, [{ field: 'name', value: html }]);
    const text = exportText(a, planId);
    importTexts(secretariat, [text]);
    expect(getRow(secretariat, strength.id).data.name).toBe(html);
    const [change] = arrivalChanges(secretariat, arrivalsView(secretariat, planId).arrivals[0]!.id).changes;
    expect(change!.value).toBe(html);
    closeAll(secretariat, a, b);
  });
});
