import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog, type CatalogSummary } from '../../main/core/catalog.ts';
import { type Row, type RowEntity } from '../../main/core/rows.ts';
import {
  choiceOfKind,
  chooseForKind,
  matrixDimensions,
  newerVersion,
  situationMatrix,
} from '../../main/core/situation.ts';
import { createPlan } from '../../main/services/plans.ts';
import { createRows, deleteRow, listRows } from '../../main/services/rows.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';
import { testRow } from '../harness/rows.ts';

const tempDir = useTempDir();
const catalogFile = (name: string) =>
  Catalog.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'catalogs', `${name}.json`), 'utf8')),
  );
const BKK = catalogFile('bangkok-20y-2556-2575');

const row = (entity: RowEntity, data: Record<string, unknown>, parentId: string | null = null, id?: string): Row =>
  testRow(entity, data, { parentId, id });
const mission = (text: string) => row('mission', { text });
const link = (m: Row, catalogItemId: string) => row('missionLink', { catalogItemId }, m.id, `${m.id}:${catalogItemId}`);

describe('situation matrix', () => {
  it('takes the seven top-level Bangkok plan dimensions as columns, not the sub-dimensions', () => {
    expect(matrixDimensions(BKK).map((d) => d.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('leaves retired dimensions out of the columns', () => {
    const edited = { ...BKK, items: BKK.items.map((i) => (i.id === 'bkk20-4' ? { ...i, retired: true } : i)) };
    expect(matrixDimensions(edited).map((d) => d.id)).not.toContain('bkk20-4');
  });

  it('counts the missions serving each dimension and flags the dimensions nobody serves as gaps', () => {
    // The PR Office's three missions (seed): news to the public, public participation, PR management.
    const news = mission('เผยแพร่ข้อมูลข่าวสารของกรุงเทพมหานครสู่ประชาชน');
    const voice = mission('รับฟังความคิดเห็นและส่งเสริมการมีส่วนร่วมของประชาชน');
    const admin = mission('บริหารจัดการงานประชาสัมพันธ์อย่างมีประสิทธิภาพ');
    const links = [
      link(news, 'bkk20-1'),
      link(news, 'bkk20-3'),
      link(voice, 'bkk20-3'),
      link(voice, 'bkk20-5'),
      link(admin, 'bkk20-7'),
    ];
    const matrix = situationMatrix([news, voice, admin], links, BKK);

    const byCode = Object.fromEntries(matrix.dimensions.map((d) => [d.dimension.code, d]));
    expect(byCode['3']?.missionIds).toEqual([news.id, voice.id]);
    expect(byCode['3']?.share).toBeCloseTo(2 / 3);
    expect(byCode['7']?.missionIds).toEqual([admin.id]);
    expect(matrix.gaps.map((g) => g.code)).toEqual(['2', '4', '6']);
    expect(matrix.unlinkedMissionIds).toEqual([]);
    expect(matrix.strayLinks).toEqual([]);
  });

  it('keeps mission order in each dimension whatever order the links came in', () => {
    const a = mission('ก');
    const b = mission('ข');
    const matrix = situationMatrix([a, b], [link(b, 'bkk20-2'), link(a, 'bkk20-2')], BKK);
    expect(matrix.dimensions[1]?.missionIds).toEqual([a.id, b.id]);
  });

  it('reports every dimension as a gap, with shares of 0 rather than NaN, when there are no missions', () => {
    const matrix = situationMatrix([], [], BKK);
    expect(matrix.gaps).toHaveLength(7);
    expect(matrix.dimensions.every((d) => d.share === 0)).toBe(true);
  });

  it('lists missions that serve no dimension', () => {
    const a = mission('ก');
    const b = mission('ข');
    expect(situationMatrix([a, b], [link(a, 'bkk20-1')], BKK).unlinkedMissionIds).toEqual([b.id]);
  });

  it('does not count links to another version of the plan or to a retired dimension, but keeps them as stray', () => {
    const a = mission('ก');
    const revised = link(a, 'bkk20r-1');
    const retired = link(a, 'bkk20-4');
    const catalog = { ...BKK, items: BKK.items.map((i) => (i.id === 'bkk20-4' ? { ...i, retired: true } : i)) };
    const matrix = situationMatrix([a], [revised, retired], catalog);
    expect(matrix.strayLinks).toEqual([revised, retired]);
    expect(matrix.gaps).toHaveLength(6);
    expect(matrix.unlinkedMissionIds).toEqual([a.id]);
  });
});

const summary = (id: string, version: string, kind: CatalogSummary['kind'], latest = true): CatalogSummary => ({
  id,
  version,
  kind,
  titleTh: id,
  titleEn: id,
  startYear: 2561,
  endYear: 2580,
  shipped: !version.includes('+local'),
  latest,
  itemCount: 1,
});

describe('framework choice', () => {
  const summaries = [
    summary('bangkok-20y-2556-2575', '2556', 'bangkok-plan', false),
    summary('bangkok-20y-2556-2575', '2556+local.1', 'bangkok-plan'),
    summary('bangkok-20y-2561-2580', '2561', 'bangkok-plan'),
    summary('national-strategy-2561-2580', '2561', 'national-strategy'),
  ];
  const strategy = { catalogId: 'national-strategy-2561-2580', version: '2561' };
  const old = { catalogId: 'bangkok-20y-2556-2575', version: '2556' };

  it('keeps one catalog per kind: choosing the revised Bangkok plan replaces the older one', () => {
    const next = chooseForKind([strategy, old], summaries, 'bangkok-plan', {
      catalogId: 'bangkok-20y-2561-2580',
      version: '2561',
    });
    expect(next).toEqual([strategy, { catalogId: 'bangkok-20y-2561-2580', version: '2561' }]);
    expect(choiceOfKind(next, summaries, 'bangkok-plan')?.catalogId).toBe('bangkok-20y-2561-2580');
  });

  it('clears a kind with null and leaves the others', () => {
    expect(chooseForKind([strategy, old], summaries, 'bangkok-plan', null)).toEqual([strategy]);
  });

  it('names a newer local version of the chosen catalog, and nothing when the plan has the latest', () => {
    expect(newerVersion(old, summaries)?.version).toBe('2556+local.1');
    expect(newerVersion(strategy, summaries)).toBeUndefined();
  });
});

describe('mission links in the store', () => {
  it('ticks, unticks and ticks again one row per mission and dimension', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, bmaDraft);
    const [m] = createRows(store, plan.id, [{ entity: 'mission', values: { text: 'เผยแพร่ข่าวสาร' } }]);
    const tick = () =>
      createRows(store, plan.id, [{ entity: 'missionLink', parentId: m!.id, values: { catalogItemId: 'bkk20-3' } }]);
    const [first] = tick();
    expect(first?.id).toBe(`${m!.id}:bkk20-3`);
    deleteRow(store, first!.id);
    expect(listRows(store, plan.id).filter((r) => r.entity === 'missionLink')).toEqual([]);
    const [again] = tick();
    expect(again?.id).toBe(first?.id);
    expect(listRows(store, plan.id).filter((r) => r.entity === 'missionLink')).toHaveLength(1);
    store.close();
  });

  it('brings an unticked link back with its note when the untick is undone', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, bmaDraft);
    const [m] = createRows(store, plan.id, [{ entity: 'mission', values: { text: 'รับฟังความคิดเห็น' } }]);
    const [l] = createRows(store, plan.id, [
      { entity: 'missionLink', parentId: m!.id, values: { catalogItemId: 'bkk20-5', note: 'เวทีประชาคม' } },
    ]);
    deleteRow(store, l!.id);
    expect(store.oplog.undoLast().label).toBe('delete:missionLink');
    const links = listRows(store, plan.id).filter((r) => r.entity === 'missionLink');
    expect(links.map((r) => [r.id, r.data.note])).toEqual([[l!.id, 'เวทีประชาคม']]);
    store.close();
  });
});
