import { z } from 'zod';
import { PlanFieldSchemas } from '../../core/plan.ts';

/**
 * What an operation may touch: entity → table and field → column with its value schema. Every operation,
 * local or (later) imported from another office, is checked against this before it reaches SQL, and column
 * names come only from here, never from input.
 */
export interface FieldSpec {
  readonly column: string;
  readonly schema: z.ZodType;
  /** JS value → SQLite value. */
  readonly toSql: (value: unknown) => unknown;
  readonly fromSql: (value: unknown) => unknown;
}

const same = (v: unknown) => v;
const bool: Pick<FieldSpec, 'toSql' | 'fromSql'> = { toSql: (v) => (v ? 1 : 0), fromSql: (v) => v === 1 };

function field(
  column: string,
  schema: z.ZodType,
  codec: Pick<FieldSpec, 'toSql' | 'fromSql'> = { toSql: same, fromSql: same },
): FieldSpec {
  return { column, schema, ...codec };
}

export const entities = {
  plan: {
    table: 'plans',
    fields: {
      organisation: field('organisation', PlanFieldSchemas.organisation),
      title: field('title', PlanFieldSchemas.title),
      startYear: field('start_year', PlanFieldSchemas.startYear),
      endYear: field('end_year', PlanFieldSchemas.endYear),
      prevStartYear: field('prev_start_year', PlanFieldSchemas.prevStartYear),
      prevEndYear: field('prev_end_year', PlanFieldSchemas.prevEndYear),
      isSample: field('is_sample', z.boolean(), bool),
      deleted: field('deleted', z.boolean(), bool),
    } as Record<string, FieldSpec>,
  },
} as const;

export type EntityName = keyof typeof entities;

export function isEntity(name: string): name is EntityName {
  return Object.hasOwn(entities, name);
}
