import { z } from 'zod';
import { DEFAULT_THRESHOLDS, thresholdsValid } from './evaluation.ts';
import { Amount, IsoDate, Uuid, Weight, requiredText, text } from './fields.ts';
import { BeYear } from './plan.ts';

/**
 * The parts of a plan below its header, as rows: one generic shape (id, plan, parent, order, fields) so that
 * every part gets autosave, per-field history, undo and (later) exchange between offices from one mechanism.
 * Each entity lists its fields with zod schemas; main and the renderer validate with the same ones.
 *
 * Thai names (glossary in the locale files): member คณะทำงาน, workshop การประชุมเชิงปฏิบัติการ, office
 * หน่วยงาน, prevIssue/prevGoal/prevKpi ประเด็นยุทธศาสตร์/เป้าประสงค์/ตัวชี้วัด ของแผนระยะก่อน, mission พันธกิจ,
 * factor ปัจจัย (SWOT), towsStrategy กลยุทธ์จาก TOWS.
 */

export const MemberRole = z.enum(['chair', 'vice-chair', 'member', 'secretary', 'assistant-secretary']);
export const WorkshopMode = z.enum(['onsite', 'teleconference', 'hybrid']);
export const Direction = z.enum(['higher', 'lower']);
export const SwotCode = z.enum(['S', 'W', 'O', 'T']);
export const TowsType = z.enum(['SO', 'ST', 'WO', 'WT']);
export const InternalFramework = z.enum(['2S4M', '7S']);
export const ExternalFramework = z.enum(['C-PEST', 'PESTEL']);

/** Framework categories (frameworks.md); labels are locale keys framework.<code>. */
export const FRAMEWORK_CATEGORIES = {
  '2S4M': ['S1', 'S2', 'M1', 'M2', 'M3', 'M4'],
  '7S': ['strategy', 'structure', 'systems', 'shared-values', 'style', 'staff', 'skills'],
  'C-PEST': ['C', 'P', 'E', 'S', 'T'],
  PESTEL: ['P', 'E', 'S', 'T', 'En', 'L'],
} as const;

const Rating = z.number({ message: 'validation.number' }).finite({ message: 'validation.number' });

export const ROW_ENTITIES = {
  /** Per-plan options of the workshop wizards (one row per plan, id = plan id). */
  planOptions: {
    parent: null,
    fields: {
      internalFramework: InternalFramework,
      externalFramework: ExternalFramework,
      ratingMin: z.number().int(),
      ratingMax: z.number().int(),
      weightsMustSum: z.boolean(),
      levelThresholds: z.array(z.number()).refine(thresholdsValid, { message: 'validation.thresholds' }),
      frameworkCatalogs: z.array(z.object({ catalogId: z.string(), version: z.string() })),
    },
  },
  member: {
    parent: null,
    fields: {
      name: requiredText(200),
      position: text(300),
      unit: text(300),
      role: MemberRole,
      contact: text(200),
    },
  },
  workshop: {
    parent: null,
    fields: {
      date: IsoDate.nullable(),
      mode: WorkshopMode,
      place: text(300),
      agenda: text(4000),
      attendeeIds: z.array(Uuid),
    },
  },
  office: {
    parent: null,
    fields: { code: text(20), name: requiredText(300) },
  },
  prevIssue: { parent: null, fields: { name: requiredText(500) } },
  prevGoal: { parent: 'prevIssue', fields: { name: requiredText(500) } },
  prevKpi: {
    parent: 'prevGoal',
    fields: {
      name: requiredText(500),
      unit: text(100),
      direction: Direction,
      weight: Weight,
      responsibleUnit: text(300),
      problems: text(4000),
      wayForward: text(4000),
    },
  },
  /** One row per KPI and year (id = `${kpiId}:${year}`), so two offices entering the same year meet on one row. */
  prevKpiYear: {
    parent: 'prevKpi',
    fields: { year: BeYear, target: Amount.nullable(), actual: Amount.nullable() },
  },
  mission: { parent: null, fields: { text: requiredText(1000) } },
  /** A mission serving a Bangkok-plan dimension (id = `${missionId}:${catalogItemId}`). */
  missionLink: { parent: 'mission', fields: { catalogItemId: z.string().min(1), note: text(1000) } },
  factor: {
    parent: null,
    fields: {
      swot: SwotCode,
      category: z.string().min(1),
      statement: requiredText(1000),
      evidence: text(2000),
      sourceOfficeId: Uuid.nullable(),
      weight: Weight,
      rating: Rating,
    },
  },
  towsStrategy: {
    parent: null,
    fields: {
      type: TowsType,
      text: requiredText(1000),
      chosen: z.boolean(),
      factorIds: z.array(Uuid),
    },
  },
} as const;

export type RowEntity = keyof typeof ROW_ENTITIES;
export const ROW_ENTITY_NAMES = Object.keys(ROW_ENTITIES) as RowEntity[];
export const RowEntityName = z.enum(ROW_ENTITY_NAMES as [RowEntity, ...RowEntity[]]);

type Fields<E extends RowEntity> = (typeof ROW_ENTITIES)[E]['fields'];
export type RowData<E extends RowEntity> = { [F in keyof Fields<E>]: z.output<Fields<E>[F]> };

/** Defaults for a new row, so that a row is complete from its first operation. */
export const ROW_DEFAULTS: { [E in RowEntity]: RowData<E> } = {
  planOptions: {
    internalFramework: '2S4M',
    externalFramework: 'C-PEST',
    ratingMin: 1,
    ratingMax: 5,
    weightsMustSum: true,
    levelThresholds: [...DEFAULT_THRESHOLDS],
    frameworkCatalogs: [],
  },
  member: { name: '', position: '', unit: '', role: 'member', contact: '' },
  workshop: { date: null, mode: 'onsite', place: '', agenda: '', attendeeIds: [] },
  office: { code: '', name: '' },
  prevIssue: { name: '' },
  prevGoal: { name: '' },
  prevKpi: { name: '', unit: '', direction: 'higher', weight: 0, responsibleUnit: '', problems: '', wayForward: '' },
  prevKpiYear: { year: 2563, target: null, actual: null },
  mission: { text: '' },
  missionLink: { catalogItemId: '', note: '' },
  factor: { swot: 'S', category: 'S1', statement: '', evidence: '', sourceOfficeId: null, weight: 0, rating: 1 },
  towsStrategy: { type: 'SO', text: '', chosen: false, factorIds: [] },
};

/** A row as main returns it: structure, provenance (the office that created it) and its fields. */
export const Row = z.object({
  id: z.string(),
  entity: RowEntityName,
  planId: Uuid,
  parentId: z.string().nullable(),
  /** Fractional index: rows sort by it; inserting between two never renumbers the others. */
  position: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Row = z.infer<typeof Row>;

export function isRowField(entity: RowEntity, field: string): boolean {
  return Object.hasOwn(ROW_ENTITIES[entity].fields, field);
}

export function rowFieldSchema(entity: RowEntity, field: string): z.ZodType {
  const fields = ROW_ENTITIES[entity].fields as Record<string, z.ZodType>;
  const schema = fields[field];
  if (!schema) throw new RangeError(`unknown field ${entity}.${field}`);
  return schema;
}

/** Validate a set of field values for an entity; returns i18n message keys by field. */
export function validateRowData(entity: RowEntity, data: Record<string, unknown>): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const [field, value] of Object.entries(data)) {
    if (!isRowField(entity, field)) {
      issues[field] = 'validation.unknownField';
      continue;
    }
    const result = rowFieldSchema(entity, field).safeParse(value);
    if (!result.success) issues[field] = result.error.issues[0]?.message ?? 'validation.invalid';
  }
  return issues;
}

export const RowFieldEdit = z.object({ field: z.string().min(1), value: z.unknown() });
export type RowFieldEdit = z.infer<typeof RowFieldEdit>;
