import { ROW_DEFAULTS, type Row, type RowEntity } from '../../main/core/rows.ts';

/** Rows as main returns them, for tests of pure computations and of screens over a fake main. */
export const TEST_PLAN_ID = '0b6c1f0e-3f55-4f7e-9a43-6d2f8c1a9b10';

let made = 0;

export interface TestRowOptions {
  readonly parentId?: string | null;
  readonly id?: string | undefined;
  readonly planId?: string;
  readonly createdBy?: string;
}

/** A row with the entity's defaults under `data`; positions follow creation order. */
export function testRow(entity: RowEntity, data: Record<string, unknown> = {}, options: TestRowOptions = {}): Row {
  made += 1;
  return {
    id: options.id ?? `${entity}-${made}`,
    entity,
    planId: options.planId ?? TEST_PLAN_ID,
    parentId: options.parentId ?? null,
    position: `a${String(made).padStart(6, '0')}`,
    data: { ...ROW_DEFAULTS[entity], ...data },
    createdBy: options.createdBy ?? 'office-1',
    createdAt: '2026-11-27T00:00:00.000Z',
    updatedAt: '2026-11-27T00:00:00.000Z',
  };
}
