import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Output } from '../../main/core/contract.ts';
import type { Catalog } from '../../main/core/catalog.ts';
import { getCatalog, listCatalogs, saveCatalogVersion } from '../../main/services/catalogs.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { createPlan } from '../../main/services/plans.ts';
import { createRows, listRows } from '../../main/services/rows.ts';
import { Session } from '../../main/services/session.ts';
import { bmaDraft, count, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');
const BKK = 'bangkok-20y-2556-2575';

const edited = (catalog: Catalog, change: (item: Catalog['items'][number]) => Catalog['items'][number]) => ({
  ...catalog,
  items: catalog.items.map(change),
});

describe('framework catalogs service', () => {
  it('lists the 7 shipped catalogs as read-only latest versions', async () => {
    const store = await openStore(tempDir());
    const list = listCatalogs(store, RESOURCES);
    expect(list).toHaveLength(7);
    expect(list.every((c) => c.shipped && c.latest)).toBe(true);
    expect(list.find((c) => c.id === BKK)).toMatchObject({ version: '2556', kind: 'bangkok-plan', itemCount: 18 });
    store.close();
  });

  it('saves an edited entry as a new local version and leaves the shipped one as it was', async () => {
    const store = await openStore(tempDir());
    const shipped = getCatalog(store, RESOURCES, BKK, '2556');
    const before = structuredClone(shipped);
    const saved = saveCatalogVersion(
      store,
      RESOURCES,
      edited(shipped, (i) =>
        i.id === 'bkk20-6' ? { ...i, titleTh: 'มหานครแห่งเศรษฐกิจและการเรียนรู้ (ทบทวน)', verify: false } : i,
      ),
    );
    expect(saved.version).toBe('2556+local.1');
    expect(getCatalog(store, RESOURCES, BKK, '2556')).toEqual(before);
    expect(getCatalog(store, RESOURCES, BKK, '2556+local.1').items.find((i) => i.id === 'bkk20-6')?.titleTh).toContain(
      '(ทบทวน)',
    );
    const versions = listCatalogs(store, RESOURCES).filter((c) => c.id === BKK);
    expect(versions.map((c) => [c.version, c.shipped, c.latest])).toEqual([
      ['2556', true, false],
      ['2556+local.1', false, true],
    ]);
    expect(store.db.prepare('SELECT created_by FROM catalog_versions').pluck().get()).toBe(store.officeId);
    store.close();
  });

  it('retires an entry in a further version, counting only entries in use', async () => {
    const store = await openStore(tempDir());
    const first = saveCatalogVersion(store, RESOURCES, getCatalog(store, RESOURCES, 'bma-policy-9-good-2565', '2565'));
    const retired = saveCatalogVersion(
      store,
      RESOURCES,
      edited(first, (i) => (i.id === '9good-4' ? { ...i, retired: true } : i)),
    );
    expect(retired.version).toBe('2565+local.2');
    expect(retired.items.find((i) => i.id === '9good-4')?.retired).toBe(true);
    const summary = listCatalogs(store, RESOURCES).find((c) => c.version === '2565+local.2');
    expect(summary).toMatchObject({ latest: true, itemCount: 8 });
    store.close();
  });

  it('resolves the old version a plan was aligned to after newer versions were saved and the app restarted', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const planId = createPlan(store, bmaDraft).id;
    const local = saveCatalogVersion(store, RESOURCES, getCatalog(store, RESOURCES, BKK, '2556'));
    createRows(store, planId, [
      { entity: 'planOptions', values: { frameworkCatalogs: [{ catalogId: BKK, version: local.version }] } },
    ]);
    saveCatalogVersion(
      store,
      RESOURCES,
      edited(local, (i) => ({ ...i, retired: i.id === 'bkk20-4' })),
    );
    store.close();

    const again = await openStore(dir);
    const [options] = listRows(again, planId);
    const [aligned] = options!.data.frameworkCatalogs as { catalogId: string; version: string }[];
    expect(getCatalog(again, RESOURCES, aligned!.catalogId, aligned!.version)).toEqual(local);
    again.close();
  });

  it('refuses an invalid catalog, an unknown starting version and a removed entry, writing nothing', async () => {
    const store = await openStore(tempDir());
    const shipped = getCatalog(store, RESOURCES, BKK, '2556');
    const attempts: [unknown, RegExp][] = [
      [
        { ...shipped, items: [...shipped.items, { id: 'x', code: '8', titleTh: 'ใหม่', parentId: 'nope' }] },
        /unknownParent/,
      ],
      [{ ...shipped, titleTh: '' }, /invalid-input/],
      [{ ...shipped, version: '2599' }, /no version 2599/],
      [
        { ...shipped, items: shipped.items.filter((i) => i.id !== 'bkk20-1-3') },
        /retire entries rather than remove bkk20-1-3/,
      ],
    ];
    for (const [catalog, message] of attempts)
      expect(() => saveCatalogVersion(store, RESOURCES, catalog)).toThrow(message);
    expect(count(store, 'catalog_versions')).toBe(0);
    store.close();
  });

  it('serves the catalogs.* channels, refusing an invalid catalog at the contract', async () => {
    const session = await Session.start({ dataDir: tempDir(), backupIntervalMs: 0 });
    const handlers = createHandlers({ session, dialogs: null, resourcesDir: RESOURCES, version: 'test' });
    const list = await dispatch(handlers, 'catalogs.list', {});
    expect(list.ok && (list.data as Output<'catalogs.list'>).length).toBe(7);
    const got = await dispatch(handlers, 'catalogs.get', { catalogId: 'nesdp-13-2566-2570', version: '13' });
    if (!got.ok) throw new Error(got.error.detail);
    const catalog = got.data as Output<'catalogs.get'>;
    const saved = await dispatch(handlers, 'catalogs.save', {
      catalog: { ...catalog, titleEn: '13th NESDP (reviewed)' },
    });
    expect(saved.ok && (saved.data as Output<'catalogs.save'>).version).toBe('13+local.1');
    const bad = await dispatch(handlers, 'catalogs.save', { catalog: { ...catalog, id: 'Not An Id' } });
    expect(bad.ok || bad.error.code).toBe('invalid-input');
    const missing = await dispatch(handlers, 'catalogs.get', { catalogId: 'nesdp-13-2566-2570', version: '12' });
    expect(missing.ok || missing.error.code).toBe('not-found');
    session.close();
  });
});
