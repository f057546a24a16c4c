import type { TFunction } from 'i18next';
import type { Row, RowEntity } from '../../../main/core/rows.ts';
import { entityKindLabel } from '../exchange/labels.ts';

/** "ตัวชี้วัด 2 รายการ, ค่าเป้าหมาย 10 รายการ": how many rows of each kind, in the order they were found. */
export function countsText(t: TFunction, rows: readonly Row[]): string {
  const counts = new Map<RowEntity, number>();
  for (const r of rows) counts.set(r.entity, (counts.get(r.entity) ?? 0) + 1);
  return [...counts]
    .map(([entity, count]) => t('workspace.childCount', { entity: entityKindLabel(t, entity), count }))
    .join(', ');
}
