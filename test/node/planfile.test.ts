import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { dispatch, type Output } from '../../main/core/contract.ts';
import { AppError, type AppErrorShape } from '../../main/core/errors.ts';
import { PLAN_FIELDS, SAMPLE_MARK } from '../../main/core/plan.ts';
import { budgetSummary, completeness } from '../../main/core/planContent.ts';
import {
  ROW_ENTITY_NAMES,
  ROW_REFERENCES,
  acceptsParent,
  deterministicRowId,
  referencedIds,
  type Row,
} from '../../main/core/rows.ts';
import { MAX_PLAN_FILE_BYTES, PlanFile, planFileJsonSchema } from '../../main/core/planFile.ts';
import { readTextFile } from '../../main/services/files.ts';
import { SAMPLE_PLAN_FILE, createHandlers } from '../../main/services/handlers.ts';
import { exportPlanFile, importPlanFile, parsePlanFile, serialisePlanFile } from '../../main/services/planFile.ts';
import { createPlan, deletePlan, getPlan, listPlans } from '../../main/services/plans.ts';
import { createRows, deleteRow, listRows, reviseRow, updateRow } from '../../main/services/rows.ts';
import { Session } from '../../main/services/session.ts';
import type { Store } from '../../main/services/store/store.ts';
import { PLAN_FILE_SCHEMA_PATH, planFileSchemaText } from '../../scripts/gen-schema.ts';
import type { Assignment } from '../../main/core/exchange/api.ts';
import { SECRETARIAT } from '../harness/exchange.ts';
import { bmaDraft, count, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');
const SAMPLE = join(RESOURCES, SAMPLE_PLAN_FILE);

async function startSession(dir = tempDir()) {
  const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
  const handlers = createHandlers({ session, dialogs: null, resourcesDir: RESOURCES, version: 'test' });
  const call = async <T>(channel: string, payload: unknown = {}) => {
    const result = await dispatch(handlers, channel, payload);
    return result as { ok: true; data: T } | { ok: false; error: AppErrorShape };
  };
  return { session, call };
}

/** A freshly exported file as plain JSON, for tests to break one part of. */
interface FileJson {
  [key: string]: unknown;
  plan: Record<string, unknown>;
}
const validFile = (): FileJson => {
  const at = new Date().toISOString();
  const plan = {
    ...bmaDraft,
    id: crypto.randomUUID(),
    isSample: false,
    createdBy: 'office',
    createdAt: at,
    updatedAt: at,
  };
  return JSON.parse(serialisePlanFile(exportPlanFile(plan, []))) as FileJson;
};
const written = (store: Store) => ({
  plans: count(store, 'plans'),
  rows: count(store, 'rows'),
  ops: count(store, 'ops'),
  groups: count(store, 'op_groups'),
});

/** The error parsePlanFile refuses this file with (the test fails if it accepts it). */
function refusal(file: unknown): AppError {
  let error: unknown;
  try {
    parsePlanFile(JSON.stringify(file));
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('plan files', () => {
  it('log the first ten field problems of a refused file and count the rest, not thousands on one line', () => {
    const file = validFile();
    file.rows = Array.from({ length: 25 }, () => ({ id: 'not-a-uuid', entity: 'strategicIssue', parentId: null }));
    const { message } = refusal(file);
    expect(message).toMatch(/plan file: \{.*\} and 40 more$/);
    expect(message.match(/"rows\.\d+\.\w+":/g)).toHaveLength(10);
  });

  it('round-trip a plan through export, JSON and import with every field equal', async () => {
    const a = await startSession();
    const created = await a.call<Output<'plans.create'>>('plans.create', bmaDraft);
    if (!created.ok) throw new Error(created.error.detail);
    const exported = await a.call<Output<'plans.exportJson'>>('plans.exportJson', { id: created.data.id });
    a.session.close();
    if (!exported.ok || exported.data.status !== 'download') throw new Error('expected a download');
    expect(exported.data.fileName).toBe(`${bmaDraft.title}.plan.json`);

    const b = await startSession();
    const imported = await b.call<Output<'plans.importJson'>>('plans.importJson', { content: exported.data.content });
    if (!imported.ok || imported.data.status !== 'imported') throw new Error('expected an import');
    expect(imported.data.asCopy).toBe(false);
    const plan = imported.data.plan;
    for (const field of [...PLAN_FIELDS, 'id', 'isSample'] as const)
      expect(plan[field], field).toEqual(created.data[field]);
    b.session.close();
  });

  it('import a plan whose id is already here as a copy titled (สำเนา) with a new id, never over the existing one', async () => {
    const store = await openStore(tempDir());
    const original = createPlan(store, bmaDraft);
    const file = parsePlanFile(serialisePlanFile(exportPlanFile({ ...original, title: 'ฉบับจากเขตพระนคร' }, [])));
    const { plan, asCopy } = importPlanFile(store, file);
    expect(asCopy).toBe(true);
    expect(plan.id).not.toBe(original.id);
    expect(plan.title).toBe('ฉบับจากเขตพระนคร (สำเนา)');
    expect(getPlan(store, original.id)).toEqual(original);
    expect(listPlans(store)).toHaveLength(2);
    store.close();
  });

  const invalid: [string, () => string, AppErrorShape['code'], Record<string, string>?][] = [
    ['text that is not JSON', () => '{"format": "phaen.plan", ', 'invalid-file'],
    ['JSON of another format', () => JSON.stringify({ ...validFile(), format: 'excel.export' }), 'invalid-file'],
    [
      'a plan without a title',
      () => {
        const f = validFile();
        delete f.plan.title;
        return JSON.stringify(f);
      },
      'invalid-file',
      { 'plan.title': 'validation.text' },
    ],
    [
      'a Gregorian start year (2023)',
      () => JSON.stringify({ ...validFile(), plan: { ...validFile().plan, startYear: 2023 } }),
      'invalid-file',
      { 'plan.startYear': 'validation.yearRange' },
    ],
    [
      'a period longer than 10 years',
      () => JSON.stringify({ ...validFile(), plan: { ...validFile().plan, endYear: 2576 } }),
      'invalid-file',
      { 'plan.endYear': 'validation.periodTooLong' },
    ],
    [
      'a file from a newer Phaen',
      () => JSON.stringify({ ...validFile(), version: 2, plan: { anything: 'new' } }),
      'newer-format',
    ],
    [
      'an oversized file',
      () => JSON.stringify({ ...validFile(), padding: 'ก'.repeat(MAX_PLAN_FILE_BYTES / 3 + 1) }),
      'file-too-large',
    ],
  ];

  for (const [name, content, code, fields] of invalid) {
    it(`refuse ${name} with '${code}' and write nothing`, async () => {
      const { session, call } = await startSession();
      const before = written(session.store());
      const result = await call('plans.importJson', { content: content() });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        if (fields) expect(result.error.fields).toMatchObject(fields);
      }
      expect(written(session.store())).toEqual(before);
      session.close();
    });
  }

  it('refuse an oversized file on disk before reading it', () => {
    const path = join(tempDir(), 'big.plan.json');
    writeFileSync(path, Buffer.alloc(1025, 0x20));
    expect(() => readTextFile(path, 1024)).toThrow(AppError);
    expect(() => readTextFile(path, 1024)).toThrow(/file-too-large/);
  });
});

/** The sample plan as plain JSON, for tests to break one row of. */
interface SampleJson {
  plan: { id: string; prevStartYear: number; prevEndYear: number };
  rows: { id: string; entity: string; parentId: string | null; position: string; data: Record<string, unknown> }[];
}
const sampleJson = () => JSON.parse(readFileSync(SAMPLE, 'utf8')) as SampleJson;
/**
 * The shipped sample shows every part of a plan being drafted, so each screen and chapter has something real to
 * show; the quarterly results of monitoring come only after a plan's adoption.
 */
const MONITORING_ENTITIES = new Set(['kpiQuarter', 'projectQuarter', 'revision', 'reminder']);
const SAMPLE_ENTITIES = new Set(ROW_ENTITY_NAMES.filter((e) => !MONITORING_ENTITIES.has(e)));
const structure = (rows: readonly Row[]) =>
  rows.map(({ id, entity, parentId, position, data }) => ({ id, entity, parentId, position, data }));

/** A plan's rows hang together: parents, deterministic ids and references all resolve inside the plan. */
function expectConsistent(rows: readonly Row[], planId: string) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    const parentEntity = row.parentId === null ? null : (byId.get(row.parentId)?.entity ?? 'missing');
    expect(acceptsParent(row.entity, parentEntity === 'missing' ? null : parentEntity), row.id).toBe(true);
    if (parentEntity === 'missing') expect.fail(`${row.id}: parent ${row.parentId} missing`);
    const rule = deterministicRowId(row.entity, planId, row.parentId, row.data);
    if (rule !== null) expect(row.id).toBe(rule);
    for (const [field, target] of Object.entries(ROW_REFERENCES[row.entity] ?? {}))
      for (const id of referencedIds(row.data[field])) expect(byId.get(id)?.entity, `${row.id}.${field}`).toBe(target);
  }
}

describe('plan files with rows', () => {
  it('round-trip every part of a plan with ids, order and fields equal', async () => {
    const a = await startSession();
    const sample = await a.call<Output<'plans.openSample'>>('plans.openSample');
    if (!sample.ok) throw new Error(sample.error.detail);
    const sampleRows = listRows(a.session.store(), sample.data.id);
    expect(new Set(sampleRows.map((r) => r.entity))).toEqual(SAMPLE_ENTITIES);
    const firstOf = (entity: string) => sampleRows.find((r) => r.entity === entity)!.id;
    createRows(a.session.store(), sample.data.id, [
      { entity: 'kpiQuarter', parentId: firstOf('kpi'), values: { year: 2567, quarter: 1, narrative: 'จัดแล้ว ๒ ครั้ง' } },
      { entity: 'projectQuarter', parentId: firstOf('project'), values: { year: 2567, quarter: 1, progress: 25 } },
      {
        entity: 'reminder',
        values: { year: 2567, quarter: 1, officeCodes: ['1001'], message: 'กรุณาส่งผล', sentOn: '2024-01-20' },
      },
    ]);
    const target = sampleRows.find((r) => r.entity === 'kpiTarget' && typeof r.data.target === 'number')!;
    reviseRow(a.session.store(), target.id, {
      field: 'target',
      value: (target.data.target as number) - 1,
      reason: 'ปรับตามมติคณะกรรมการ',
      revisedOn: '2025-01-15',
    });
    const original = listRows(a.session.store(), sample.data.id);
    expect(new Set(original.map((r) => r.entity))).toEqual(new Set(ROW_ENTITY_NAMES));
    const exported = await a.call<Output<'plans.exportJson'>>('plans.exportJson', { id: sample.data.id });
    a.session.close();
    if (!exported.ok || exported.data.status !== 'download') throw new Error('expected a download');

    const b = await startSession();
    const imported = await b.call<Output<'plans.importJson'>>('plans.importJson', { content: exported.data.content });
    if (!imported.ok || imported.data.status !== 'imported') throw new Error('expected an import');
    expect(imported.data.asCopy).toBe(false);
    expect(structure(listRows(b.session.store(), sample.data.id))).toEqual(structure(original));
    b.session.close();
  });

  it('round-trip the plan content (vision to alignment) directly and as a copy, ids and references following', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, bmaDraft);
    const [factor, tows] = createRows(store, plan.id, [
      { entity: 'factor', values: { swot: 'O', category: 'T', statement: 'ประชาชนใช้สื่อออนไลน์มากขึ้น' } },
      { entity: 'towsStrategy', values: { type: 'SO', text: 'ขยายช่องทางออนไลน์', chosen: true } },
    ]);
    const [, , , issue] = createRows(store, plan.id, [
      { entity: 'vision', values: { text: 'ประชาสัมพันธ์เชิงรุก เข้าถึงทุกคน' } },
      { entity: 'mission', values: { text: 'สื่อสารนโยบายสู่ประชาชน' } },
      { entity: 'coreValue', values: { text: 'โปร่งใส' } },
      { entity: 'strategicIssue', values: { name: 'การสื่อสารเชิงรุก' } },
    ]);
    const [goal] = createRows(store, plan.id, [
      { entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้' } },
    ]);
    const [kpi, strategy] = createRows(store, plan.id, [
      {
        entity: 'kpi',
        parentId: goal!.id,
        values: { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ', baselineValue: 62.5, baselineYear: 2565, periodTarget: 85 },
      },
      {
        entity: 'strategy',
        parentId: goal!.id,
        values: { name: 'สื่อดิจิทัล', towsStrategyIds: [tows!.id], factorIds: [factor!.id] },
      },
    ]);
    const [project] = createRows(store, plan.id, [
      {
        entity: 'project',
        parentId: strategy!.id,
        values: { name: 'โครงการสื่อออนไลน์', kind: 'programme', startYear: 2566, endYear: 2570, kpiIds: [kpi!.id] },
      },
    ]);
    createRows(store, plan.id, [
      ...[2566, 2567].map((year) => ({
        entity: 'kpiTarget' as const,
        parentId: kpi!.id,
        values: { year, target: 70 },
      })),
      { entity: 'projectBudget', parentId: project!.id, values: { year: 2566, amount: 1_250_000 } },
      ...[issue, goal, project].map((row) => ({
        entity: 'alignmentLink' as const,
        parentId: row!.id,
        values: { catalogId: 'bangkok-plan', itemId: '6.1' },
      })),
    ]);
    const original = listRows(store, plan.id);
    expect(original.find((r) => r.entity === 'vision')!.id).toBe(`${plan.id}:vision`);
    expect(original.filter((r) => r.entity === 'alignmentLink').map((r) => r.id)).toContain(
      `${project!.id}:bangkok-plan:6.1`,
    );
    const text = serialisePlanFile(exportPlanFile(plan, original));

    const other = await openStore(tempDir());
    const direct = importPlanFile(other, parsePlanFile(text));
    expect(direct.asCopy).toBe(false);
    expect(structure(listRows(other, plan.id))).toEqual(structure(original));
    other.close();

    const copy = importPlanFile(store, parsePlanFile(text));
    expect(copy.asCopy).toBe(true);
    const copied = listRows(store, copy.plan.id);
    expectConsistent(copied, copy.plan.id);
    expect(copied.find((r) => r.entity === 'vision')!.id).toBe(`${copy.plan.id}:vision`);
    expect(copied.filter((r) => r.entity === 'alignmentLink')).toHaveLength(3);
    const originalIds = new Set(original.map((r) => r.id));
    expect(copied.filter((r) => originalIds.has(r.id))).toEqual([]);
    store.close();
  });

  it('export stays re-importable when a parent or a referenced factor was deleted beneath live rows', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, bmaDraft);
    const [issue, factor] = createRows(store, plan.id, [
      { entity: 'strategicIssue', values: { name: 'การสื่อสาร' } },
      { entity: 'factor', values: { swot: 'S', category: 'S1', statement: 'มีช่องทางสื่อหลากหลาย' } },
    ]);
    const [goal, kept] = createRows(store, plan.id, [
      { entity: 'goal', parentId: issue!.id, values: { name: 'รับรู้' } },
      { entity: 'goal', parentId: issue!.id, values: { name: 'เข้าถึง' } },
    ]);
    const [kpi, strategy] = createRows(store, plan.id, [
      { entity: 'kpi', parentId: goal!.id, values: { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ' } },
      { entity: 'strategy', parentId: kept!.id, values: { name: 'สื่อออนไลน์', factorIds: [factor!.id] } },
    ]);
    // What a merge of two offices' edits can leave: the goal and the factor deleted, its KPI and strategy not
    // (one office deleted while another added), written as an imported operation would be.
    store.oplog.apply('merge', plan.id, [
      { entity: 'goal', rowId: goal!.id, field: 'deleted', value: true },
      { entity: 'factor', rowId: factor!.id, field: 'deleted', value: true },
    ]);
    const file = exportPlanFile(getPlan(store, plan.id), listRows(store, plan.id));
    const back = parsePlanFile(serialisePlanFile(file));
    const ids = back.rows.map((r) => r.id);
    expect(ids).toContain(issue!.id);
    expect(ids).not.toContain(kpi!.id);
    expect(back.rows.find((r) => r.id === strategy!.id)?.data.factorIds).toEqual([]);
    store.close();
  });

  it('carry the secretariat’s assignments of offices, naming only the KPIs and projects the file holds', async () => {
    const a = await startSession();
    await a.call('settings.set', { office: SECRETARIAT });
    const created = await a.call<Output<'plans.create'>>('plans.create', bmaDraft);
    if (!created.ok) throw new Error(created.error.detail);
    const planId = created.data.id;
    const store = a.session.store();
    const [issue] = createRows(store, planId, [{ entity: 'strategicIssue', values: { name: 'การสื่อสาร' } }]);
    const [goal] = createRows(store, planId, [{ entity: 'goal', parentId: issue!.id, values: { name: 'รับรู้' } }]);
    const [kept, gone, strategy] = createRows(store, planId, [
      { entity: 'kpi', parentId: goal!.id, values: { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ' } },
      { entity: 'kpi', parentId: goal!.id, values: { name: 'จำนวนผู้ติดตาม', unit: 'คน' } },
      { entity: 'strategy', parentId: goal!.id, values: { name: 'สื่อออนไลน์' } },
    ]);
    const [project] = createRows(store, planId, [
      { entity: 'project', parentId: strategy!.id, values: { name: 'ผลิตสื่อดิจิทัล' } },
    ]);
    const assignments: Assignment[] = [
      {
        officeCode: '1001',
        officeName: 'สำนักงานเขตพระนคร',
        factors: false,
        kpiIds: [kept!.id, gone!.id],
        projectIds: [],
      },
      { officeCode: '1004', officeName: 'สำนักงานเขตบางรัก', factors: true, kpiIds: [], projectIds: [project!.id] },
    ];
    expect((await a.call('exchange.setAssignments', { planId, assignments })).ok).toBe(true);
    // A KPI deleted after it was assigned: the file holds neither it nor its mention.
    deleteRow(store, gone!.id);
    const exported = await a.call<Output<'plans.exportJson'>>('plans.exportJson', { id: planId });
    a.session.close();
    if (!exported.ok || exported.data.status !== 'download') throw new Error('expected a download');
    const file = parsePlanFile(exported.data.content);
    expect(file.assignments).toEqual([{ ...assignments[0], kpiIds: [kept!.id] }, assignments[1]]);

    // A file naming a row it does not hold, or a row of another kind, or one office twice, is refused.
    const json = JSON.parse(exported.data.content) as FileJson & { assignments: Assignment[] };
    for (const [change, path] of [
      [(f: typeof json) => f.assignments[0]!.kpiIds.push(gone!.id), 'assignments.0.kpiIds'],
      [(f: typeof json) => (f.assignments[1]!.projectIds = [kept!.id]), 'assignments.1.projectIds'],
      [(f: typeof json) => (f.assignments[1]!.officeCode = '1001'), 'assignments.1.officeCode'],
    ] as const) {
      const broken = structuredClone(json);
      change(broken);
      expect(Object.keys(refusal(broken).fields ?? {}), path).toEqual([path]);
    }
  });

  it('refuse an alignment link under a row that cannot carry one', () => {
    const file = validFile();
    const issueId = crypto.randomUUID();
    const kpiParent = crypto.randomUUID();
    file.rows = [
      { id: issueId, entity: 'strategicIssue', parentId: null, position: 'a0', data: { name: 'ก' } },
      { id: kpiParent, entity: 'coreValue', parentId: null, position: 'a1', data: { text: 'ข' } },
      {
        id: `${issueId}:c:1`,
        entity: 'alignmentLink',
        parentId: issueId,
        position: 'a0',
        data: { catalogId: 'c', itemId: '1' },
      },
      {
        id: `${kpiParent}:c:1`,
        entity: 'alignmentLink',
        parentId: kpiParent,
        position: 'a0',
        data: { catalogId: 'c', itemId: '1' },
      },
    ];
    const result = PlanFile.safeParse(file);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rows.3.parentId', 'validation.unknownParent'],
    ]);
  });

  it('import the plan and all its rows as one action that one undo takes back', async () => {
    const store = await openStore(tempDir());
    const groups = count(store, 'op_groups');
    const { plan } = importPlanFile(store, parsePlanFile(readFileSync(SAMPLE, 'utf8')));
    expect(count(store, 'op_groups')).toBe(groups + 1);
    store.oplog.undoLast();
    expect(listPlans(store)).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM rows WHERE deleted = 0').pluck().get()).toBe(0);
    expect(() => getPlan(store, plan.id)).toThrow(/not-found/);
    store.close();
  });

  it('import a file twice more as two independent copies with new ids and consistent references', async () => {
    const store = await openStore(tempDir());
    const file = parsePlanFile(readFileSync(SAMPLE, 'utf8'));
    const original = importPlanFile(store, file).plan;
    const copies = [importPlanFile(store, file), importPlanFile(store, file)];
    const plans = [original, ...copies.map((c) => c.plan)];
    expect(copies.map((c) => c.asCopy)).toEqual([true, true]);
    expect(new Set(plans.map((p) => p.id)).size).toBe(3);
    // Home tells them apart: the copies are numbered, and a copy of the sample is no sample.
    expect(plans.map((p) => [p.title, p.isSample])).toEqual([
      ['แผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร ระยะ 5 ปี (พ.ศ. 2566–2570) (ตัวอย่าง)', true],
      ['แผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร ระยะ 5 ปี (พ.ศ. 2566–2570) (สำเนา)', false],
      ['แผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร ระยะ 5 ปี (พ.ศ. 2566–2570) (สำเนา 2)', false],
    ]);

    const rowsOf = plans.map((p) => listRows(store, p.id));
    const ids = rowsOf.flatMap((rows) => rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, rows] of rowsOf.entries()) {
      expect(rows).toHaveLength(file.rows.length);
      expectConsistent(rows, plans[i]!.id);
    }
    // Same content apart from ids and the references that follow them.
    const content = (rows: readonly Row[]) =>
      rows.map((r) => JSON.stringify([r.entity, r.position, r.data.name ?? r.data.statement ?? r.data.text])).sort();
    expect(content(rowsOf[1]!)).toEqual(content(rowsOf[0]!));

    const factor = rowsOf[1]!.find((r) => r.entity === 'factor')!;
    updateRow(store, factor.id, [{ field: 'rating', value: 5 }]);
    const untouched = (n: number) =>
      listRows(store, plans[n]!.id)
        .filter((r) => r.entity === 'factor')
        .map((r) => r.data.rating);
    expect(untouched(0)).toEqual(untouched(2));
    expect(untouched(1)).not.toEqual(untouched(0));
    store.close();
  });

  const rowAt = (f: SampleJson, entity: string) => f.rows.findIndex((r) => r.entity === entity);
  const broken: [string, (f: SampleJson) => void, Record<string, string>][] = [
    [
      'an unknown entity',
      (f) => (f.rows[rowAt(f, 'factor')]!.entity = 'budgetLine'),
      { [`rows.${rowAt(sampleJson(), 'factor')}.entity`]: 'validation.invalid' },
    ],
    [
      'an unknown field',
      (f) => (f.rows[rowAt(f, 'office')]!.data.colour = 'red'),
      { [`rows.${rowAt(sampleJson(), 'office')}.data.colour`]: 'validation.unknownField' },
    ],
    [
      'a bad field value',
      (f) => (f.rows[rowAt(f, 'factor')]!.data.weight = 1.5),
      { [`rows.${rowAt(sampleJson(), 'factor')}.data.weight`]: 'validation.weightRange' },
    ],
    [
      'an orphan child',
      (f) => (f.rows[rowAt(f, 'prevGoal')]!.parentId = crypto.randomUUID()),
      { [`rows.${rowAt(sampleJson(), 'prevGoal')}.parentId`]: 'validation.unknownParent' },
    ],
    [
      'a dangling reference',
      (f) => (f.rows[rowAt(f, 'towsStrategy')]!.data.factorIds = [crypto.randomUUID()]),
      { [`rows.${rowAt(sampleJson(), 'towsStrategy')}.data.factorIds`]: 'validation.uuid' },
    ],
    [
      'a reference to a row of another entity',
      (f) => (f.rows[rowAt(f, 'factor')]!.data.sourceOfficeId = f.rows[rowAt(f, 'member')]!.id),
      { [`rows.${rowAt(sampleJson(), 'factor')}.data.sourceOfficeId`]: 'validation.uuid' },
    ],
    [
      'a wrong deterministic id',
      // Another year of the previous plan: in its period, but not the year the id names.
      (f) => {
        const row = f.rows[rowAt(f, 'prevKpiYear')]!;
        row.data.year = row.data.year === f.plan.prevEndYear ? f.plan.prevStartYear : f.plan.prevEndYear;
      },
      { [`rows.${rowAt(sampleJson(), 'prevKpiYear')}.id`]: 'validation.invalid' },
    ],
    // The values a local edit of the field refuses (core/validity.ts), which a file once brought in unflagged.
    [
      'a negative budget (-500 baht)',
      (f) => (f.rows[rowAt(f, 'projectBudget')]!.data.amount = -500),
      { [`rows.${rowAt(sampleJson(), 'projectBudget')}.data.amount`]: 'strategies.negative' },
    ],
    [
      "a SWOT rating of 6 on the plan's 1–5 scale",
      (f) => (f.rows[rowAt(f, 'factor')]!.data.rating = 6),
      { [`rows.${rowAt(sampleJson(), 'factor')}.data.rating`]: 'swot.weights.ratingRange' },
    ],
    [
      'a budget for B.E. 2599 in a 2566–2570 plan',
      (f) => {
        const row = f.rows[rowAt(f, 'projectBudget')]!;
        Object.assign(row, { id: `${row.parentId}:2599`, data: { ...row.data, year: 2599 } });
      },
      {
        [`rows.${rowAt(sampleJson(), 'projectBudget')}.data.year`]: 'validity.yearOutsidePlan',
        [`rows.${rowAt(sampleJson(), 'projectBudget')}.data.amount`]: 'validity.yearOutsidePlan',
      },
    ],
    [
      'plan options under another id',
      (f) => (f.rows[rowAt(f, 'planOptions')]!.id = crypto.randomUUID()),
      { [`rows.${rowAt(sampleJson(), 'planOptions')}.id`]: 'validation.invalid' },
    ],
  ];

  for (const [name, breakIt, fields] of broken) {
    it(`refuse a file with ${name}, saying which row and field, and write nothing`, async () => {
      const { session, call } = await startSession();
      const before = written(session.store());
      const file = sampleJson();
      breakIt(file);
      const result = await call('plans.importJson', { content: JSON.stringify(file) });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-file');
        expect(result.error.fields).toEqual(fields);
      }
      expect(written(session.store())).toEqual(before);
      session.close();
    });
  }

  it('read a file written before rows existed as a plan without rows', () => {
    const { rows, ...headerOnly } = sampleJson();
    expect(rows.length).toBeGreaterThan(0);
    expect(parsePlanFile(JSON.stringify(headerOnly)).rows).toEqual([]);
  });
});

describe('plan file JSON Schema', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { 'date-time': true, date: true, uuid: true } });
  const committed = JSON.parse(readFileSync(PLAN_FILE_SCHEMA_PATH, 'utf8')) as object;
  const validate = ajv.compile(committed);

  it('is the committed resources/schema/plan-file.schema.json (regenerate with npm run schema)', () => {
    if (process.env.UPDATE_PLAN_SCHEMA === '1') writeFileSync(PLAN_FILE_SCHEMA_PATH, planFileSchemaText());
    expect(committed).toEqual(planFileJsonSchema());
  });

  it('accepts the sample plan and an exported plan, as zod does', () => {
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as unknown;
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    expect(PlanFile.safeParse(sample).success).toBe(true);
    const exported = validFile();
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(PlanFile.safeParse(exported).success).toBe(true);
  });

  it('refuses what zod refuses field by field (the cross-field period rules are zod-only)', () => {
    const plan = validFile().plan;
    const bad = [
      { ...validFile(), format: 'other' },
      { ...validFile(), version: 2 },
      { ...validFile(), exportedAt: '13/09/2564' },
      { ...validFile(), plan: { ...plan, startYear: 2023 } },
      { ...validFile(), plan: { ...plan, id: 'not-a-uuid' } },
      { ...validFile(), plan: { ...plan, organisation: '' } },
      { ...validFile(), plan: { ...plan, prevStartYear: '2563' } },
      { ...validFile(), plan: Object.fromEntries(Object.entries(plan).filter(([k]) => k !== 'endYear')) },
    ];
    for (const file of bad) {
      expect(validate(file), JSON.stringify(file)).toBe(false);
      expect(PlanFile.safeParse(file).success, JSON.stringify(file)).toBe(false);
    }
  });
});

describe('the sample plan', () => {
  it('parses as a sample of the BMA PR strategy 2566–2570 following 2563–2565', () => {
    const file = parsePlanFile(readFileSync(SAMPLE, 'utf8'));
    expect(file.plan).toMatchObject({
      isSample: true,
      organisation: 'สำนักงานประชาสัมพันธ์ สำนักปลัดกรุงเทพมหานคร',
      startYear: 2566,
      endYear: 2570,
      prevStartYear: 2563,
      prevEndYear: 2565,
    });
    expect(file.plan.title.endsWith(SAMPLE_MARK)).toBe(true);
  });

  it('has content for every part of a plan, and weights of each SWOT letter sum to 1.00', async () => {
    const store = await openStore(tempDir());
    const { plan } = importPlanFile(store, parsePlanFile(readFileSync(SAMPLE, 'utf8')));
    const rows = listRows(store, plan.id);
    expect(new Set(rows.map((r) => r.entity))).toEqual(SAMPLE_ENTITIES);
    expectConsistent(rows, plan.id);
    for (const letter of ['S', 'W', 'O', 'T']) {
      const weights = rows
        .filter((r) => r.entity === 'factor' && r.data.swot === letter)
        .map((r) => r.data.weight as number);
      expect(
        weights.reduce((a, b) => a + b, 0),
        letter,
      ).toBeCloseTo(1, 6);
    }
    store.close();
  });

  it('passes every check a plan reviewer applies, so it shows what a finished plan looks like', async () => {
    const store = await openStore(tempDir());
    const { plan } = importPlanFile(store, parsePlanFile(readFileSync(SAMPLE, 'utf8')));
    const rows = listRows(store, plan.id);
    expect(completeness(rows, plan)).toEqual([]);
    // Budgets add up per issue to the whole plan, and every year of the period has money.
    const budget = budgetSummary(rows, plan);
    expect([...budget.byIssue.values()].reduce((a, b) => a + b, 0)).toBe(budget.total);
    expect([...budget.byYear.keys()].sort()).toEqual([2566, 2567, 2568, 2569, 2570]);
    store.close();
  });

  it("opens with 'plans.openSample' as a sample plan, the same one on a second call", async () => {
    const { session, call } = await startSession();
    const first = await call<Output<'plans.openSample'>>('plans.openSample');
    const second = await call<Output<'plans.openSample'>>('plans.openSample');
    if (!first.ok || !second.ok) throw new Error('openSample failed');
    expect(first.data.isSample).toBe(true);
    expect(second.data.id).toBe(first.data.id);
    expect(listPlans(session.store())).toHaveLength(1);
    session.close();
  });

  it('comes back as the same plan, not a new copy, after it was deleted', async () => {
    const { session, call } = await startSession();
    const first = await call<Output<'plans.openSample'>>('plans.openSample');
    if (!first.ok) throw new Error('openSample failed');
    deletePlan(session.store(), first.data.id);
    await call('plans.openSample');
    const third = await call<Output<'plans.openSample'>>('plans.openSample');
    expect(third.ok && third.data.id).toBe(first.data.id);
    expect(listPlans(session.store()).map((p) => p.id)).toEqual([first.data.id]);
    session.close();
  });
});
