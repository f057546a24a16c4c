import { z } from 'zod';
import { DEFAULT_THRESHOLDS, thresholdsValid } from './evaluation.ts';
import { Amount, IsoDate, Uuid, Weight, text } from './fields.ts';
import { FROZEN_FIELD_NAMES, type FrozenField } from './revision.ts';
import { BeYear } from './plan.ts';
import {
  PROGRESS_STATUSES,
  RESULT_MODES,
  type ProgressStatus as ProgressStatusName,
  type ResultMode as ResultModeName,
} from './monitoring.ts';

/**
 * The parts of a plan below its header, as rows: one generic shape (id, plan, parent, order, fields) so that
 * every part gets autosave, per-field history, undo and (later) exchange between offices from one mechanism.
 * Each entity lists its fields with zod schemas; main and the renderer validate with the same ones.
 *
 * Thai names (glossary in the locale files): member คณะทำงาน, workshop การประชุมเชิงปฏิบัติการ, office
 * หน่วยงาน, prevIssue/prevGoal/prevKpi ประเด็นยุทธศาสตร์/เป้าประสงค์/ตัวชี้วัด ของแผนระยะก่อน, mission พันธกิจ,
 * factor ปัจจัย (SWOT), towsStrategy กลยุทธ์จาก TOWS; the plan itself: vision วิสัยทัศน์, coreValue ค่านิยม,
 * strategicIssue ประเด็นยุทธศาสตร์, goal เป้าประสงค์, kpi ตัวชี้วัด, kpiTarget ค่าเป้าหมายรายปี, strategy กลยุทธ์,
 * project โครงการ/แผนงาน, projectBudget งบประมาณรายปี, alignmentLink ความสอดคล้องกับแผนระดับต่างๆ;
 * and the printed plan's prose: document คำนำ ความเป็นมา วัตถุประสงค์ การติดตามและประเมินผล.
 *
 * `parent`: null for a top-level row, one entity, or a list of the entities a row may hang under (an
 * alignment link belongs to an issue, a goal or a project); parentEntities() reads all three alike.
 */

export const MemberRole = z.enum(['chair', 'vice-chair', 'member', 'secretary', 'assistant-secretary']);
export const WorkshopMode = z.enum(['onsite', 'teleconference', 'hybrid']);
export const Direction = z.enum(['higher', 'lower']);
export const SwotCode = z.enum(['S', 'W', 'O', 'T']);
export const TowsType = z.enum(['SO', 'ST', 'WO', 'WT']);
export const InternalFramework = z.enum(['2S4M', '7S']);
export const ExternalFramework = z.enum(['C-PEST', 'PESTEL']);
export const ProjectKind = z.enum(['project', 'programme']);
/** How a KPI's quarterly figures make its year's result (core/monitoring.ts). */
export const ResultMode = z.enum(RESULT_MODES as [ResultModeName, ...ResultModeName[]]);
const ProgressStatus = z.enum(PROGRESS_STATUSES as [ProgressStatusName, ...ProgressStatusName[]]);
/** A fiscal quarter, 1 (ต.ค.–ธ.ค.) to 4 (ก.ค.–ก.ย.). */
const QuarterNumber = z
  .number({ message: 'validation.quarter' })
  .int({ message: 'validation.quarter' })
  .min(1, { message: 'validation.quarter' })
  .max(4, { message: 'validation.quarter' });
const Percent = z
  .number({ message: 'validation.number' })
  .min(0, { message: 'validation.percentRange' })
  .max(100, { message: 'validation.percentRange' });

/** A frozen field's value before or after a revision: a number, a unit or a choice (direction, result mode). */
const RevisedValue = z.union([Amount, text(100)]).nullable();

/** Framework categories (frameworks.md); names are locale keys pdf.doc.situation.category.<framework>.<code>. */
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
      /** The day the plan was adopted (ISO); monitoring opens from then on. */
      adoptedOn: IsoDate.nullable(),
      /** Days after a quarter's end by which offices send its results (core/arrivals.ts); 15 unless changed. */
      reportDueDays: z
        .number({ message: 'validation.number' })
        .int({ message: 'validation.number' })
        .min(0, { message: 'monitoring.arrivals.dueDaysRange' })
        .max(120, { message: 'monitoring.arrivals.dueDaysRange' }),
    },
  },
  member: {
    parent: null,
    fields: {
      name: text(200),
      /** The member's post (ตำแหน่ง); not `position`, which is every row's place among its siblings. */
      jobTitle: text(300),
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
    fields: { code: text(20), name: text(300) },
  },
  prevIssue: { parent: null, fields: { name: text(500) } },
  prevGoal: { parent: 'prevIssue', fields: { name: text(500) } },
  prevKpi: {
    parent: 'prevGoal',
    fields: {
      name: text(500),
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
  mission: { parent: null, fields: { text: text(1000) } },
  /** A mission serving a Bangkok-plan dimension (id = `${missionId}:${catalogItemId}`). */
  missionLink: { parent: 'mission', fields: { catalogItemId: z.string().min(1), note: text(1000) } },
  factor: {
    parent: null,
    fields: {
      swot: SwotCode,
      category: z.string().min(1),
      statement: text(1000),
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
      text: text(1000),
      chosen: z.boolean(),
      factorIds: z.array(Uuid),
    },
  },
  /** One row per plan (id = `${planId}:vision`). */
  vision: { parent: null, fields: { text: text(1000) } },
  coreValue: { parent: null, fields: { text: text(500) } },
  strategicIssue: { parent: null, fields: { name: text(500) } },
  goal: { parent: 'strategicIssue', fields: { name: text(500) } },
  kpi: {
    parent: 'goal',
    fields: {
      name: text(500),
      unit: text(100),
      definition: text(2000),
      dataSource: text(500),
      baselineValue: Amount.nullable(),
      baselineYear: BeYear.nullable(),
      direction: Direction,
      /** The target for the whole plan period. */
      periodTarget: Amount.nullable(),
      responsibleUnit: text(300),
      /** null: by the unit (core/monitoring.ts effectiveMode) until someone chooses. */
      resultMode: ResultMode.nullable(),
    },
  },
  /** One row per KPI and plan year (id = `${kpiId}:${year}`), as prevKpiYear. */
  kpiTarget: { parent: 'kpi', fields: { year: BeYear, target: Amount.nullable() } },
  strategy: {
    parent: 'goal',
    fields: { name: text(500), towsStrategyIds: z.array(Uuid), factorIds: z.array(Uuid) },
  },
  project: {
    parent: 'strategy',
    fields: {
      name: text(500),
      kind: ProjectKind,
      rationale: text(4000),
      objectives: text(4000),
      startYear: BeYear.nullable(),
      endYear: BeYear.nullable(),
      responsibleUnit: text(300),
      supportingUnits: text(1000),
      kpiIds: z.array(Uuid),
    },
  },
  /** One row per project and year (id = `${projectId}:${year}`); amount in baht. */
  projectBudget: { parent: 'project', fields: { year: BeYear, amount: Amount.nullable() } },
  /**
   * Monitoring after adoption: one row per KPI, fiscal year (B.E., the plan's years) and quarter (id =
   * `${kpiId}:${year}:q${quarter}`), so an office re-entering a quarter meets its own earlier figure.
   */
  kpiQuarter: {
    parent: 'kpi',
    fields: {
      year: BeYear,
      quarter: QuarterNumber,
      result: Amount.nullable(),
      status: ProgressStatus.nullable(),
      narrative: text(4000),
      evidence: text(2000),
    },
  },
  /** Per project, fiscal year and quarter (id = `${projectId}:${year}:q${quarter}`): progress and money. */
  projectQuarter: {
    parent: 'project',
    fields: {
      year: BeYear,
      quarter: QuarterNumber,
      progress: Percent.nullable(),
      allocated: Amount.nullable(),
      disbursed: Amount.nullable(),
      status: ProgressStatus.nullable(),
      note: text(4000),
    },
  },
  /**
   * A change of a frozen value after adoption (core/revision.ts), under the row it changes (a KPI, one of its
   * yearly targets, a project's budget for a year), written in the same action as the change.
   */
  revision: {
    parent: ['kpi', 'kpiTarget', 'projectBudget'],
    fields: {
      field: z.enum(FROZEN_FIELD_NAMES as [FrozenField, ...FrozenField[]]),
      from: RevisedValue,
      to: RevisedValue,
      reason: text(1000).min(1, { message: 'monitoring.revision.reasonRequired' }),
      /** The day of the revision (ISO), e.g. the date of the order that approved it. */
      revisedOn: IsoDate,
    },
  },
  /**
   * The secretariat's reminder to offices that have not sent a quarter's results (core/arrivals.ts): a plan
   * row, so it travels in the plan package; an office sees one addressed to its code until the quarter is in.
   */
  reminder: {
    parent: null,
    fields: {
      year: BeYear,
      quarter: QuarterNumber,
      officeCodes: z.array(z.string().min(1).max(20)).max(500),
      message: text(2000),
      sentOn: IsoDate,
    },
  },
  /** An issue, goal or project serving a catalog item (id = `${parentId}:${catalogId}:${itemId}`). */
  alignmentLink: {
    parent: ['strategicIssue', 'goal', 'project'],
    fields: { catalogId: z.string().min(1), itemId: z.string().min(1), note: text(1000) },
  },
  /**
   * The printed plan's own prose, one row per plan (id = `${planId}:document`): the foreword (คำนำ), the
   * background (ความเป็นมา) and objectives (วัตถุประสงค์) of chapter 1, and how the plan is monitored
   * (chapter 6). An empty foreword prints a default wording; other empty texts leave their section out.
   */
  document: {
    parent: null,
    fields: { foreword: text(8000), background: text(8000), objectives: text(4000), monitoring: text(8000) },
  },
} as const;

export type RowEntity = keyof typeof ROW_ENTITIES;

/** The entities a row of `entity` may hang under; empty: a top-level row. */
export function parentEntities(entity: RowEntity): readonly RowEntity[] {
  const parent: RowEntity | readonly RowEntity[] | null = ROW_ENTITIES[entity].parent;
  if (parent === null) return [];
  return typeof parent === 'string' ? [parent] : parent;
}

/** Whether a row of `entity` may have a parent of `parentEntity` (null: no parent). */
export function acceptsParent(entity: RowEntity, parentEntity: RowEntity | null): boolean {
  const allowed = parentEntities(entity);
  return parentEntity === null ? allowed.length === 0 : allowed.includes(parentEntity);
}

/** A row as the placement rules read it: where it hangs and the fields its fixed id is made of. */
export interface PlacedRowShape {
  readonly id: string;
  readonly entity: RowEntity;
  readonly parentId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Why a row cannot stand where it is, or null: 'parent' when its parent is missing (`parentEntity` undefined)
 * or of a kind it cannot hang under, 'id' when a fixed-id row's id disagrees with its fields (a budget whose id
 * names one year and whose data another). The one rule for plan files and imported packages. Since no entity
 * may hang under itself or a descendant's kind, a row that passes can never be its own ancestor.
 */
export function rowPlacementProblem(
  row: PlacedRowShape,
  planId: string,
  parentEntity: RowEntity | null | undefined,
): 'parent' | 'id' | null {
  if (parentEntity === undefined || !acceptsParent(row.entity, parentEntity)) return 'parent';
  const rule = deterministicRowId(row.entity, planId, row.parentId, { ...ROW_DEFAULTS[row.entity], ...row.data });
  return rule !== null && rule !== row.id ? 'id' : null;
}

export interface PlanYears {
  readonly startYear: number;
  readonly endYear: number;
  readonly prevStartYear: number | null;
  readonly prevEndYear: number | null;
}

/**
 * Fields that hold ids of other rows of the same plan, with the entity they point at: the one list that plan
 * files check (a reference must resolve inside the file) and remap (an imported copy gets new ids).
 */
export const ROW_REFERENCES: { readonly [E in RowEntity]?: Readonly<Record<string, RowEntity>> } = {
  workshop: { attendeeIds: 'member' },
  factor: { sourceOfficeId: 'office' },
  towsStrategy: { factorIds: 'factor' },
  strategy: { towsStrategyIds: 'towsStrategy', factorIds: 'factor' },
  project: { kpiIds: 'kpi' },
};

/** The ids a row's reference field holds (a single id, a list, or null), whatever its shape. */
export function referencedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** A reference field's value with every id passed through `map`, keeping its shape (list or single id). */
export function mapReference(value: unknown, map: (id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? map(v) : v));
  return typeof value === 'string' ? map(value) : value;
}

/**
 * Ids that two offices must agree on without talking: one row per plan's options and vision, per KPI (of
 * either plan) and year, per project and year, per mission and linked dimension, per item and catalog entry. Null: the entity's rows get random UUIDs.
 */
export function deterministicRowId(
  entity: RowEntity,
  planId: string,
  parentId: string | null,
  data: Record<string, unknown>,
): string | null {
  switch (entity) {
    case 'planOptions':
      return planId;
    // Not the plan id itself: rows share one id space, and that one is the plan options' row.
    case 'vision':
      return `${planId}:vision`;
    case 'document':
      return `${planId}:document`;
    case 'prevKpiYear':
    case 'kpiTarget':
    case 'projectBudget':
      return `${parentId}:${String(data.year)}`;
    case 'kpiQuarter':
    case 'projectQuarter':
      return `${parentId}:${String(data.year)}:q${String(data.quarter)}`;
    case 'alignmentLink':
      return `${parentId}:${String(data.catalogId)}:${String(data.itemId)}`;
    case 'missionLink':
      return `${parentId}:${String(data.catalogItemId)}`;
    default:
      return null;
  }
}

/**
 * Fields a finished step needs filled. They may be empty while being written (a row is added empty and
 * autosaved as typed), so the schemas above accept "" and the wizards check these on Next.
 */
export const ROW_REQUIRED: { readonly [E in RowEntity]?: readonly string[] } = {
  member: ['name'],
  office: ['name'],
  prevIssue: ['name'],
  prevGoal: ['name'],
  prevKpi: ['name', 'unit'],
  mission: ['text'],
  factor: ['statement'],
  towsStrategy: ['text'],
  vision: ['text'],
  coreValue: ['text'],
  strategicIssue: ['name'],
  goal: ['name'],
  kpi: ['name', 'unit'],
  strategy: ['name'],
  project: ['name'],
  revision: ['reason'],
};

/** Rows with a required field left empty. */
export function missingRequired(rows: readonly Row[]): Row[] {
  return rows.filter((row) =>
    (ROW_REQUIRED[row.entity] ?? []).some((field) => String(row.data[field] ?? '').trim() === ''),
  );
}
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
    adoptedOn: null,
    reportDueDays: 15,
  },
  member: { name: '', jobTitle: '', unit: '', role: 'member', contact: '' },
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
  vision: { text: '' },
  coreValue: { text: '' },
  strategicIssue: { name: '' },
  goal: { name: '' },
  kpi: {
    name: '',
    unit: '',
    definition: '',
    dataSource: '',
    baselineValue: null,
    baselineYear: null,
    direction: 'higher',
    periodTarget: null,
    responsibleUnit: '',
    resultMode: null,
  },
  kpiTarget: { year: 2566, target: null },
  strategy: { name: '', towsStrategyIds: [], factorIds: [] },
  project: {
    name: '',
    kind: 'project',
    rationale: '',
    objectives: '',
    startYear: null,
    endYear: null,
    responsibleUnit: '',
    supportingUnits: '',
    kpiIds: [],
  },
  projectBudget: { year: 2566, amount: null },
  kpiQuarter: { year: 2566, quarter: 1, result: null, status: null, narrative: '', evidence: '' },
  projectQuarter: {
    year: 2566,
    quarter: 1,
    progress: null,
    allocated: null,
    disbursed: null,
    status: null,
    note: '',
  },
  revision: { field: 'target', from: null, to: null, reason: '', revisedOn: '' },
  reminder: { year: 2566, quarter: 1, officeCodes: [], message: '', sentOn: '' },
  alignmentLink: { catalogId: '', itemId: '', note: '' },
  document: { foreword: '', background: '', objectives: '', monitoring: '' },
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
