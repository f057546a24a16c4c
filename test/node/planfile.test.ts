import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { dispatch, type Output } from '../../main/core/contract.ts';
import { AppError, type AppErrorShape } from '../../main/core/errors.ts';
import { PLAN_FIELDS } from '../../main/core/plan.ts';
import { MAX_PLAN_FILE_BYTES, PlanFile, planFileJsonSchema } from '../../main/core/planFile.ts';
import { readTextFile } from '../../main/services/files.ts';
import { SAMPLE_PLAN_FILE, createHandlers } from '../../main/services/handlers.ts';
import { exportPlanFile, importPlanFile, parsePlanFile, serialisePlanFile } from '../../main/services/planFile.ts';
import { createPlan, deletePlan, getPlan, listPlans } from '../../main/services/plans.ts';
import { Session } from '../../main/services/session.ts';
import type { Store } from '../../main/services/store/store.ts';
import { PLAN_FILE_SCHEMA_PATH, planFileSchemaText } from '../../scripts/gen-schema.ts';
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
  return JSON.parse(serialisePlanFile(exportPlanFile(plan))) as FileJson;
};
const written = (store: Store) => ({
  plans: count(store, 'plans'),
  ops: count(store, 'ops'),
  groups: count(store, 'op_groups'),
});

describe('plan files', () => {
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

  it('import a plan whose id is already here as a copy with a new id, never over the existing one', async () => {
    const store = await openStore(tempDir());
    const original = createPlan(store, bmaDraft);
    const file = parsePlanFile(serialisePlanFile(exportPlanFile({ ...original, title: 'ฉบับจากเขตพระนคร' })));
    const { plan, asCopy } = importPlanFile(store, file);
    expect(asCopy).toBe(true);
    expect(plan.id).not.toBe(original.id);
    expect(plan.title).toBe('ฉบับจากเขตพระนคร');
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

describe('plan file JSON Schema', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { 'date-time': true, uuid: true } });
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
    expect(file.plan.title).toContain('(ตัวอย่าง)');
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
