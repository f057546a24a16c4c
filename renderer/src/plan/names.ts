import type { Row } from '../../../main/core/rows.ts';

/** A row's name as typed, trimmed ("" when not given yet): issues, goals and KPIs of either plan. */
export const nameOf = (row: Row): string => String(row.data.name ?? '').trim();
