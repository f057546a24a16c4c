import type { TFunction } from 'i18next';
import type { Row, RowEntity } from '../../../main/core/rows.ts';
import { entityKindLabel } from '../exchange/labels.ts';
import { formatList } from '../format.ts';
import { i18n } from '../i18n.ts';

/** "ตัวชี้วัด 2 รายการและค่าเป้าหมาย 10 รายการ": how many rows of each kind, in the order they were found. */
export function countsText(t: TFunction, rows: readonly Row[]): string {
  const counts = new Map<RowEntity, number>();
  for (const r of rows) counts.set(r.entity, (counts.get(r.entity) ?? 0) + 1);
  const parts = [...counts].map(([entity, count]) =>
    t('workspace.childCount', { entity: entityKindLabel(t, entity), count }),
  );
  // The language now shown: toasts call this again with the new `t` after a switch (components/Toast.tsx).
  return formatList(parts, i18n.language);
}
