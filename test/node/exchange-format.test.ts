import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RejectReason } from '../../main/core/exchange/api.ts';
import { canonicalJson } from '../../main/core/exchange/canonical.ts';
import {
  checksumInput,
  exchangePackageJsonSchema,
  PackageFile,
  packageOrder,
} from '../../main/core/exchange/format.ts';
import { manifestText, sealedInput } from '../../main/core/exchange/layout.ts';
import { causalContext, conflictingHeads, extendCoverage, heads, supersedes } from '../../main/core/exchange/merge.ts';
import { ACTION_PROBLEMS } from '../../main/services/exchange/errors.ts';
import { translator } from '../../main/services/locales.ts';
import { createPlan } from '../../main/services/plans.ts';
import { createRows } from '../../main/services/rows.ts';
import { EXCHANGE_PACKAGE_SCHEMA_PATH, exchangePackageSchemaText } from '../../scripts/gen-schema.ts';
import { SECRETARIAT, exportText, importTexts, office, openReplica, reseal } from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const hlc = (ms: number, actor: string, counter = 0) =>
  `${String(ms).padStart(15, '0')}-${counter.toString(16).padStart(6, '0')}-${actor}`;

describe('canonical JSON', () => {
  it('gives the same text for the same data whatever the key order, and parses back to it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
    expect(canonicalJson({ b: [1, { d: 'ไทย', c: null }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":null,"d":"ไทย"}]}');
  });
});

describe('merge rules', () => {
  const x = { hlc: hlc(1000, A), actor: A, seen: [] as string[] };
  const y = { hlc: hlc(2000, B), actor: B, seen: [] as string[] };

  it('treats edits that had not seen each other as concurrent, and a later edit that had as superseding', () => {
    expect(supersedes(y, x)).toBe(false);
    expect(heads([x, y]).map((op) => op.hlc)).toEqual([y.hlc, x.hlc]);
    const z = { hlc: hlc(3000, C), actor: C, seen: causalContext([x, y], C) };
    expect(z.seen).toEqual([x.hlc, y.hlc]);
    expect(heads([x, y, z])).toEqual([z]);
    // An office always has its own earlier edits.
    expect(supersedes({ hlc: hlc(1500, A), actor: A, seen: [] }, x)).toBe(true);
  });

  it('lists heads with different values only', () => {
    expect(
      conflictingHeads([
        { ...x, value: '"ก"' },
        { ...y, value: '"ข"' },
      ]),
    ).toHaveLength(2);
    expect(
      conflictingHeads([
        { ...x, value: '"ก"' },
        { ...y, value: '"ก"' },
      ]),
    ).toEqual([]);
  });

  it('extends coverage only when a range joins on what is there', () => {
    expect(extendCoverage(null, null, hlc(5, A))).toBe(hlc(5, A));
    expect(extendCoverage(hlc(5, A), hlc(5, A), hlc(9, A))).toBe(hlc(9, A));
    // A gap (the package before was lost) leaves coverage where it was.
    expect(extendCoverage(hlc(5, A), hlc(7, A), hlc(9, A))).toBe(hlc(5, A));
    expect(extendCoverage(hlc(9, A), null, hlc(7, A))).toBe(hlc(9, A));
  });
});

describe('exchange package JSON Schema', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { 'date-time': true, uuid: true } });
  const committed = JSON.parse(readFileSync(EXCHANGE_PACKAGE_SCHEMA_PATH, 'utf8')) as object;
  const validate = ajv.compile(committed);

  it('is the committed resources/schema/exchange-package.schema.json (regenerate with npm run schema)', () => {
    if (process.env.UPDATE_EXCHANGE_SCHEMA === '1')
      writeFileSync(EXCHANGE_PACKAGE_SCHEMA_PATH, exchangePackageSchemaText());
    expect(committed).toEqual(exchangePackageJsonSchema());
  });

  it('accepts an exported plan package and refuses what zod refuses', async () => {
    const store = await openReplica(join(tempDir(), 's'), SECRETARIAT);
    const plan = createPlan(store, bmaDraft);
    createRows(store, plan.id, [{ entity: 'factor', values: { swot: 'S', category: 'S1', statement: 'จุดแข็ง' } }]);
    const file = JSON.parse(exportText(store, plan.id)) as PackageFile;
    store.close();
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(PackageFile.safeParse(file).success).toBe(true);
    const op = file.payload.groups[0]!.ops[0]!;
    const group = { ...file.payload.groups[0]!, ops: [{ ...op, type: 'merge' }] };
    for (const bad of [
      { ...file, version: 1 },
      { ...file, signature: 'not a signature' },
      { ...file, manifest: { ...file.manifest, sha256: 'abc' } },
      { ...file, manifest: { ...file.manifest, kind: 'update' } },
      { ...file, payload: { ...file.payload, groups: [group] } },
      { ...file, payload: { ...file.payload, extra: 1 } },
    ]) {
      expect(validate(bad)).toBe(false);
      expect(PackageFile.safeParse(bad).success).toBe(false);
    }
  });
});

describe('package layout', () => {
  it('finds the checksum input and the manifest in the bytes of a package as Phaen writes it, and only there', async () => {
    const store = await openReplica(join(tempDir(), 's'), SECRETARIAT);
    const plan = createPlan(store, bmaDraft);
    createRows(store, plan.id, [{ entity: 'factor', values: { swot: 'S', category: 'S1', statement: 'จุดแข็ง' } }]);
    // A title holding what the cut looks for, inside a string: it must not mislead it.
    const text = reseal(exportText(store, plan.id), (f) => {
      f.manifest.planTitle = `แผน","sha256":"${'a'.repeat(64)}"},"signature":"x","version":2}\\`;
    });
    store.close();
    const file = JSON.parse(text) as PackageFile;
    const bytes = new TextEncoder().encode(text);
    const cut = sealedInput(bytes)!;
    expect(new TextDecoder().decode(cut.input)).toBe(checksumInput(file));
    expect(cut).toMatchObject({ sha256: file.manifest.sha256, signature: file.signature });
    expect(manifestText(bytes)).toBe(canonicalJson(file.manifest));
    const order = { kind: 'plan', seq: file.manifest.seq, exportedAt: file.manifest.exportedAt };
    expect(packageOrder(bytes)).toEqual(order);

    // Another writer's layout of the same package: nothing is cut, the order is read from the parsed file, and
    // the package imports as well (its checksum taken over its canonical form).
    const spaced = `${JSON.stringify(file, null, 2)}\n`;
    const spacedBytes = new TextEncoder().encode(spaced);
    expect(sealedInput(spacedBytes)).toBeNull();
    expect(manifestText(spacedBytes)).toBeNull();
    expect(packageOrder(spacedBytes)).toEqual(order);
    const district = await openReplica(join(tempDir(), 'd'), office('1001'));
    expect(importTexts(district, [spaced]).packages[0]!.status).toBe('imported');
    district.close();
  });
});

describe('exchange messages', () => {
  it('has a Thai and an English message for every refusal and every action problem', () => {
    const resources = join(import.meta.dirname, '..', '..', 'resources');
    const missing: string[] = [];
    const th = translator(resources, 'th', { onMissing: (key) => missing.push(key) });
    const en = translator(resources, 'en', { onMissing: (key) => missing.push(key) });
    for (const key of [...RejectReason.options, ...ACTION_PROBLEMS].map((k) => `exchange.errors.${k}`)) {
      expect(th(key), key).toMatch(/[\u0E00-\u0E7F]/);
      expect(en(key), key).not.toBe(key);
    }
    expect(missing).toEqual([]);
  });
});
