import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../main/core/catalog.ts';

const dir = join(import.meta.dirname, '../../resources/catalogs');
const catalogs = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, catalog: Catalog.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))) }));
const byId = (id: string) => catalogs.find((c) => c.catalog.id === id)!.catalog;
const topLevel = (id: string) => byId(id).items.filter((i) => !i.parentId);

describe('shipped framework catalogs', () => {
  it('each parse, are named after their id and have unique ids', () => {
    expect(catalogs.length).toBe(7);
    for (const { file, catalog } of catalogs) expect(file).toBe(`${catalog.id}.json`);
  });

  it('hold the frameworks of the reference with their published counts', () => {
    expect(topLevel('national-strategy-2561-2580')).toHaveLength(6);
    expect(topLevel('master-plans-2561-2580')).toHaveLength(23);
    expect(topLevel('nesdp-13-2566-2570')).toHaveLength(13);
    expect(topLevel('bangkok-20y-2556-2575')).toHaveLength(7);
    expect(byId('bangkok-20y-2556-2575').items.filter((i) => i.parentId === 'bkk20-1')).toHaveLength(6);
    expect(topLevel('bma-policy-9-good-2565').map((i) => i.titleTh)).toContain('บริหารจัดการดี');
    expect(byId('national-pr-action-plan-2566-2570').items).toEqual([]);
  });

  it('mark entries seen in one source only for users to verify', () => {
    expect(byId('bangkok-20y-2556-2575').items.find((i) => i.id === 'bkk20-6')?.verify).toBe(true);
  });

  it('are refused when an item points at an unknown parent', () => {
    const broken = { ...byId('nesdp-13-2566-2570'), items: [{ id: 'a', code: '1', titleTh: 'ก', parentId: 'zzz' }] };
    expect(Catalog.safeParse(broken).success).toBe(false);
  });
});
