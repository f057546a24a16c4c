import { ROW_DEFAULTS, type Row, type RowEntity } from '../core/rows.ts';

/** A row of the rows table as stored, and the Row the services hand out (read by rows.ts and plans.ts). */
export interface RowRecord {
  id: string;
  entity: RowEntity;
  plan_id: string;
  parent_id: string | null;
  position: string;
  data: string;
  deleted: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export function toRow(r: RowRecord): Row {
  return {
    id: r.id,
    entity: r.entity,
    planId: r.plan_id,
    parentId: r.parent_id,
    position: r.position,
    // Defaults first: a field added to an entity later reads as its default on older rows.
    data: { ...ROW_DEFAULTS[r.entity], ...(JSON.parse(r.data) as Record<string, unknown>) },
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
