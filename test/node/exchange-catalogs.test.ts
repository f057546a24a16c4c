import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../main/core/catalog.ts';
import type { RejectReason } from '../../main/core/exchange/api.ts';
import type { PackageFile } from '../../main/core/exchange/format.ts';
import { getCatalog, listCatalogs, saveCatalogVersion } from '../../main/services/catalogs.ts';
import { getPlanExchange, savePlanExchange } from '../../main/services/exchange/state.ts';
import { createPlan, updatePlan } from '../../main/services/plans.ts';
import { createRows, listRows, updateRow } from '../../main/services/rows.ts';
import type { Store } from '../../main/services/store/store.ts';
import {
  SECRETARIAT,
  dump,
  exportText,
  fileBytes,
  importTexts,
  office,
  openReplica,
  reseal,
} from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');
const POLICY = 'bma-policy-9-good-2565';
const STRATEGY = 'national-strategy-2561-2580';
const PRANAKHON = office('1001', 'สำนักงานเขตพระนคร');

/** The executive policy with one policy added, as a secretariat edits it when a new executive takes office. */
function withNewPolicy(catalog: Catalog, titleTh: string): Catalog {
  return {
    ...catalog,
    items: [...catalog.items, { id: '9good-10', code: '10', titleTh, retired: false }],
  };
}

let secretariat: Store;
let district: Store;
let districtDir: string;
let planId: string;
let local: Catalog;

beforeEach(async () => {
  secretariat = await openReplica(join(tempDir(), 's'), SECRETARIAT);
  planId = createPlan(secretariat, bmaDraft).id;
  savePlanExchange(secretariat.db, {
    ...getPlanExchange(secretariat.db, planId),
    assignments: [
      { officeCode: PRANAKHON.code, officeName: PRANAKHON.name, factors: true, kpiIds: [], projectIds: [] },
    ],
  });
  local = saveCatalogVersion(
    secretariat,
    RESOURCES,
    withNewPolicy(getCatalog(secretariat, RESOURCES, POLICY, '2565'), 'กรุงเทพฯ เมืองสื่อสารดี ประชาชนเข้าถึงข้อมูล'),
  );
  // Aligned to the edited policy and to a shipped strategy (which every installation has already).
  createRows(secretariat, planId, [
    {
      entity: 'planOptions',
      values: {
        frameworkCatalogs: [
          { catalogId: POLICY, version: local.version },
          { catalogId: STRATEGY, version: '2561' },
        ],
      },
    },
  ]);
  districtDir = join(tempDir(), 'a');
  district = await openReplica(districtDir, PRANAKHON);
});

afterEach(() => {
  secretariat.close();
  district.close();
});

/** Import into the district; check it was refused for `reason` and not one byte of its database changed. */
function expectRefused(texts: string[], reason: RejectReason): void {
  const before = { dump: dump(district), bytes: fileBytes(districtDir) };
  const report = importTexts(district, texts);
  expect(report.packages.map((p) => [p.status, p.reason])).toEqual([['rejected', reason]]);
  expect(dump(district)).toEqual(before.dump);
  expect(fileBytes(districtDir)).toBe(before.bytes);
}

describe('catalog versions a plan is aligned to travel with its plan package', () => {
  it('carries the user-saved version only, not the shipped one', () => {
    const file = JSON.parse(exportText(secretariat, planId)) as PackageFile;
    expect(local.version).toBe('2565+local.1');
    expect(file.payload.catalogs?.map((c) => [c.id, c.version])).toEqual([[POLICY, '2565+local.1']]);
  });

  it('leaves the field out when the plan is aligned to shipped versions only, as packages were before', () => {
    const options = listRows(secretariat, planId).find((r) => r.entity === 'planOptions')!;
    updateRow(secretariat, options.id, [
      { field: 'frameworkCatalogs', value: [{ catalogId: STRATEGY, version: '2561' }] },
    ]);
    const file = JSON.parse(exportText(secretariat, planId)) as PackageFile;
    expect(Object.keys(file.payload).sort()).toEqual(['assignments', 'groups', 'offices']);
    expect(importTexts(district, [exportText(secretariat, planId)]).packages[0]!.status).toBe('imported');
  });

  it('an office that imports the plan reads the same catalog version the plan is aligned to', () => {
    expect(() => getCatalog(district, RESOURCES, POLICY, local.version)).toThrow();
    const report = importTexts(district, [exportText(secretariat, planId)]);
    expect(report.packages[0]).toMatchObject({ status: 'imported', kind: 'plan' });
    const received = getCatalog(district, RESOURCES, POLICY, local.version);
    expect(received).toEqual(getCatalog(secretariat, RESOURCES, POLICY, local.version));
    expect(received.items.at(-1)?.titleTh).toBe('กรุงเทพฯ เมืองสื่อสารดี ประชาชนเข้าถึงข้อมูล');
    const options = listRows(district, planId).find((r) => r.entity === 'planOptions')!;
    expect(options.data.frameworkCatalogs).toContainEqual({ catalogId: POLICY, version: local.version });
    // In the office's catalog list as a saved (not shipped) version, the newest of that catalog.
    expect(listCatalogs(district, RESOURCES).find((c) => c.version === local.version)).toMatchObject({
      id: POLICY,
      shipped: false,
      latest: true,
      itemCount: 10,
    });
    expect(district.db.prepare('SELECT created_by FROM catalog_versions').pluck().all()).toEqual([
      secretariat.officeId,
    ]);
  });

  it('importing the same package twice, or an update carrying the version again, adds nothing more', () => {
    const first = exportText(secretariat, planId);
    importTexts(district, [first]);
    const before = { dump: dump(district), bytes: fileBytes(districtDir) };
    expect(importTexts(district, [first]).packages[0]!.status).toBe('already-imported');
    expect(dump(district)).toEqual(before.dump);
    expect(fileBytes(districtDir)).toBe(before.bytes);

    updatePlan(secretariat, planId, [{ field: 'title', value: `${bmaDraft.title} (ฉบับทบทวน)` }]);
    const update = exportText(secretariat, planId);
    expect(importTexts(district, [update]).packages[0]!.status).toBe('imported');
    expect(dump(district).catalogs).toEqual(before.dump.catalogs);
  });

  it('two plan packages of one import carrying the same version store it once', () => {
    const first = exportText(secretariat, planId);
    updatePlan(secretariat, planId, [{ field: 'title', value: `${bmaDraft.title} (ฉบับทบทวน)` }]);
    const second = exportText(secretariat, planId);
    const report = importTexts(district, [second, first]);
    expect(report.packages.map((p) => p.status)).toEqual(['imported', 'imported']);
    expect(dump(district).catalogs).toHaveLength(1);
  });
});

describe('a carried catalog that is not right is refused before anything is written', () => {
  it('a catalog that fails the catalog schema (an entry under a parent it does not have)', () => {
    const text = reseal(exportText(secretariat, planId), (f) => {
      f.payload.catalogs![0]!.items.push({
        id: 'orphan',
        code: '10.1',
        titleTh: 'ข้อย่อย',
        parentId: 'none',
        retired: false,
      });
    });
    expectRefused([text], 'invalid');
    expect(() => getCatalog(district, RESOURCES, POLICY, local.version)).toThrow();
  });

  it('a catalog missing its Thai title, or one claiming a shipped version name', () => {
    const good = exportText(secretariat, planId);
    expectRefused(
      [
        reseal(good, (f) => {
          f.payload.catalogs![0]!.titleTh = '';
        }),
      ],
      'invalid',
    );
    // A shipped version is the same everywhere: a package must not bring a different one under its name.
    expectRefused(
      [
        reseal(good, (f) => {
          f.payload.catalogs![0]!.version = '2565';
        }),
      ],
      'invalid',
    );
  });

  it('a version named like one saved here but with other entries does not overwrite it: the package is refused', () => {
    // The district edited the same policy itself, and its first saved version has the same name.
    const ours = saveCatalogVersion(
      district,
      RESOURCES,
      withNewPolicy(getCatalog(district, RESOURCES, POLICY, '2565'), 'เขตปลอดฝุ่น PM2.5'),
    );
    expect(ours.version).toBe(local.version);
    expectRefused([exportText(secretariat, planId)], 'catalog-conflict');
    expect(getCatalog(district, RESOURCES, POLICY, ours.version)).toEqual(ours);

    // What the message tells the secretariat to do works: save the catalog again and align the plan to it.
    const again = saveCatalogVersion(secretariat, RESOURCES, local);
    const options = listRows(secretariat, planId).find((r) => r.entity === 'planOptions')!;
    updateRow(secretariat, options.id, [
      { field: 'frameworkCatalogs', value: [{ catalogId: POLICY, version: again.version }] },
    ]);
    expect(importTexts(district, [exportText(secretariat, planId)]).packages[0]!.status).toBe('imported');
    expect(getCatalog(district, RESOURCES, POLICY, again.version).items.at(-1)?.titleTh).toBe(
      'กรุงเทพฯ เมืองสื่อสารดี ประชาชนเข้าถึงข้อมูล',
    );
    expect(getCatalog(district, RESOURCES, POLICY, ours.version)).toEqual(ours);
  });

  it('an office’s contribution may not carry catalogs', () => {
    importTexts(district, [exportText(secretariat, planId)]);
    updatePlan(district, planId, [{ field: 'title', value: 'แก้ไขโดยเขต' }]);
    const contribution = reseal(exportText(district, planId), (f) => {
      f.payload.catalogs = [local];
    });
    const before = dump(secretariat);
    const report = importTexts(secretariat, [contribution]);
    expect(report.packages.map((p) => [p.status, p.reason])).toEqual([['rejected', 'invalid']]);
    expect(dump(secretariat)).toEqual(before);
  });
});
