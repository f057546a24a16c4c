import { z } from 'zod';
import { Uuid } from '../../core/fields.ts';
import { PlanFieldSchemas } from '../../core/plan.ts';
import { ROW_ENTITIES, ROW_ENTITY_NAMES, type RowEntity } from '../../core/rows.ts';

/**
 * What an operation may touch: entity → table and field → column with its value schema. Every operation,
 * local or (later) imported from another office, is checked against this before it reaches SQL, and column
 * names come only from here, never from input.
 */
export interface FieldSpec {
  readonly column: string;
  /** Set for an entity's own fields of a row: the key inside the JSON object in `column`. */
  readonly jsonKey?: string;
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

export interface EntitySpec {
  readonly table: string;
  /** For the shared rows table: the value of its entity column that this entity's rows carry. */
  readonly discriminator: string | null;
  readonly fields: Record<string, FieldSpec>;
}

const planEntity: EntitySpec = {
  table: 'plans',
  discriminator: null,
  fields: {
    organisation: field('organisation', PlanFieldSchemas.organisation),
    title: field('title', PlanFieldSchemas.title),
    startYear: field('start_year', PlanFieldSchemas.startYear),
    endYear: field('end_year', PlanFieldSchemas.endYear),
    prevStartYear: field('prev_start_year', PlanFieldSchemas.prevStartYear),
    prevEndYear: field('prev_end_year', PlanFieldSchemas.prevEndYear),
    isSample: field('is_sample', z.boolean(), bool),
    deleted: field('deleted', z.boolean(), bool),
  },
};

/** Structure every row has, then the entity's own fields from core/rows.ts, stored in the data column. */
function rowEntity(name: RowEntity): EntitySpec {
  const own = Object.entries(ROW_ENTITIES[name].fields as Record<string, z.ZodType>).map(
    ([key, schema]) => [key, { ...field('data', schema), jsonKey: key }] as const,
  );
  const structure = {
    planId: field('plan_id', Uuid),
    parentId: field('parent_id', z.string().min(1).nullable()),
    position: field('position', z.string().min(1)),
    deleted: field('deleted', z.boolean(), bool),
  };
  // An own field named like a structure field would replace it here and silently store the row's order in data.
  const clash = own.find(([key]) => Object.hasOwn(structure, key));
  if (clash) throw new Error(`${name}.${clash[0]} clashes with a structure field of every row`);
  return { table: 'rows', discriminator: name, fields: { ...structure, ...Object.fromEntries(own) } };
}

export const entities: Record<string, EntitySpec> = {
  plan: planEntity,
  ...Object.fromEntries(ROW_ENTITY_NAMES.map((name) => [name, rowEntity(name)])),
};

export type EntityName = 'plan' | RowEntity;

export function isEntity(name: string): name is EntityName {
  return Object.hasOwn(entities, name);
}

export function entitySpec(name: EntityName): EntitySpec {
  return entities[name]!;
}
