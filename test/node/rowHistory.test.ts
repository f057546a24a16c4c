import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Channel, type Input, type Output } from '../../main/core/contract.ts';
import { historyActions, type RowHistoryEntry } from '../../main/core/rowHistory.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { Session } from '../../main/services/session.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const resourcesDir = resolve(import.meta.dirname, '../../resources');

/** The channels as the renderer reaches them: schema-checked both ways by dispatch, on a real database file. */
async function open(dataDir: string) {
  const session = await Session.start({ dataDir, backupIntervalMs: 0 });
  const handlers = createHandlers({ session, dialogs: null, resourcesDir, version: '0.0.0-test' });
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.detail}`);
    return result.data as Output<C>;
  };
  return { session, handlers, call };
}

describe('rows.history', () => {
  it('lists every change of a row, newest first, with who, when and what it was before, after a restart', async () => {
    const dataDir = join(tempDir(), 'data');
    const first = await open(dataDir);
    const { call } = first;
    const plan = await call('plans.create', bmaDraft);
    const [issue] = await call('rows.create', {
      planId: plan.id,
      rows: [{ entity: 'strategicIssue', values: { name: 'การพัฒนาระบบการสื่อสารเชิงรุก' } }],
    });
    const [goal] = await call('rows.create', {
      planId: plan.id,
      rows: [{ entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนได้รับข้อมูลข่าวสารอย่างทั่วถึง' } }],
    });
    const [kpi, other] = await call('rows.create', {
      planId: plan.id,
      rows: [
        { entity: 'kpi', parentId: goal!.id, values: { name: 'ร้อยละของประชาชนที่รับรู้ข่าวสาร', unit: 'ร้อยละ' } },
        { entity: 'kpi', parentId: goal!.id, values: { name: 'จำนวนช่องทางการสื่อสาร' } },
      ],
    });
    await call('rows.update', { id: kpi!.id, edits: [{ field: 'name', value: 'ร้อยละของประชาชนที่รับรู้ข่าวสารของ กทม.' }] });
    await call('rows.update', {
      id: kpi!.id,
      edits: [
        { field: 'periodTarget', value: 80 },
        { field: 'responsibleUnit', value: 'ฝ่ายประชาสัมพันธ์' },
      ],
    });
    await call('rows.move', { id: kpi!.id, after: other!.id });
    await call('rows.delete', { id: kpi!.id });
    await call('history.undo', {});
    // Another row's edit is not part of this row's history.
    await call('rows.update', { id: other!.id, edits: [{ field: 'unit', value: 'ช่องทาง' }] });
    const { database } = first.session.status(false, 'test');
    const officeId = database.state === 'open' ? database.officeId : 'not open';
    first.session.close();

    const { session, call: again } = await open(dataDir);
    const entries: RowHistoryEntry[] = await again('rows.history', { id: kpi!.id });
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(entries.map((e) => e.actor))).toEqual(new Set([officeId]));

    const actions = historyActions('kpi', entries);
    expect(actions.map((a) => a.kind)).toEqual(['undone', 'deleted', 'moved', 'edited', 'edited', 'created']);
    expect(actions[0]!.changes).toEqual([]);
    expect(actions[3]!.changes).toEqual([
      { field: 'periodTarget', value: 80, previous: null },
      { field: 'responsibleUnit', value: 'ฝ่ายประชาสัมพันธ์', previous: '' },
    ]);
    expect(actions[4]!.changes).toEqual([
      {
        field: 'name',
        value: 'ร้อยละของประชาชนที่รับรู้ข่าวสารของ กทม.',
        previous: 'ร้อยละของประชาชนที่รับรู้ข่าวสาร',
      },
    ]);
    // A creation lists what was given, not the twelve defaults.
    expect(actions[5]!.changes).toEqual([
      { field: 'name', value: 'ร้อยละของประชาชนที่รับรู้ข่าวสาร' },
      { field: 'unit', value: 'ร้อยละ' },
    ]);
    session.close();
  });

  it('tells a ticked-again alignment link (the same fixed-id row revived) from a new one', async () => {
    const { session, call } = await open(join(tempDir(), 'data'));
    const plan = await call('plans.create', bmaDraft);
    const [issue] = await call('rows.create', {
      planId: plan.id,
      rows: [{ entity: 'strategicIssue', values: { name: 'ภาพลักษณ์ของกรุงเทพมหานคร' } }],
    });
    const link = {
      entity: 'alignmentLink' as const,
      parentId: issue!.id,
      values: { catalogId: 'nesdp-13', itemId: 'm13' },
    };
    const [made] = await call('rows.create', { planId: plan.id, rows: [link] });
    await call('rows.delete', { id: made!.id });
    await call('rows.create', { planId: plan.id, rows: [link] });
    const actions = historyActions('alignmentLink', await call('rows.history', { id: made!.id }));
    expect(actions.map((a) => a.kind)).toEqual(['restored', 'deleted', 'created']);
    session.close();
  });

  it('answers an unknown row with not-found, and refuses a malformed id before any handler runs', async () => {
    const { session, handlers } = await open(join(tempDir(), 'data'));
    expect(await dispatch(handlers, 'rows.history', { id: 'no-such-row' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(handlers, 'rows.history', { id: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    session.close();
  });
});
