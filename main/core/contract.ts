import { z } from 'zod';
import { Catalog, CatalogSummary } from './catalog.ts';
import { AppError, fieldIssues, type Result } from './errors.ts';
import { exchangeChannels } from './exchange/api.ts';
import { Uuid } from './fields.ts';
import { pdfChannels } from './pdf/api.ts';
import { PLAN_FIELDS, Plan, PlanDraft, PlanFieldEdit, PlanSummary } from './plan.ts';
import { RowHistoryEntry } from './rowHistory.ts';
import { Row, RowEntityName, RowFieldEdit } from './rows.ts';
import { Settings } from './settings.ts';
import { xlsxChannels } from './xlsx/api.ts';

/**
 * The one list of channels between the renderer and main. Main registers a handler per entry, preload builds
 * `window.api` from the names, the loopback test bridge mounts the same handlers, and the renderer's client
 * is typed from it: a channel cannot exist in one place and not another.
 */

/** 'set-aside': the database file a restore replaced, kept as it was (with its WAL). */
export const BackupReason = z.enum(['scheduled', 'pre-migration', 'pre-restore', 'manual', 'set-aside']);
export const BackupInfo = z.object({
  name: z.string(),
  reason: BackupReason,
  createdAt: z.iso.datetime(),
  bytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/**
 * Why the database is not open. 'missing' and 'empty': the file is gone or has zero length while backups
 * exist (or a database chosen earlier is gone), so a fresh start would hide the user's data behind a new one.
 */
export const DbFailure = z.enum(['corrupt', 'newer-schema', 'locked', 'unreadable', 'read-only', 'missing', 'empty']);
export type DbFailure = z.infer<typeof DbFailure>;

export const AppStatus = z.object({
  database: z.discriminatedUnion('state', [
    z.object({
      state: z.literal('open'),
      path: z.string(),
      officeId: z.string(),
      /**
       * Where this database was last opened, when that was another folder or computer: a copied data folder
       * must not go on under the original's office id. The user answers with 'database.confirmMove'.
       * unsent: the original installation's edits that no package carried yet, as operations and the rows they
       * touch (services/exchange/unsent.ts); a copy with a new identity cannot send them, only the original can.
       */
      movedFrom: z
        .object({
          path: z.string(),
          host: z.string(),
          unsent: z.object({ ops: z.number().int().nonnegative(), rows: z.number().int().nonnegative() }),
        })
        .optional(),
    }),
    z.object({ state: z.literal('failed'), path: z.string(), reason: DbFailure, detail: z.string() }),
  ]),
  backups: z.array(BackupInfo),
  /** True in Electron, where main can show a file dialog; the browser bridge has none. */
  hasDialogs: z.boolean(),
  version: z.string(),
});
export type AppStatus = z.infer<typeof AppStatus>;

const None = z.object({}).strict();
const RowId = z.string().min(1).max(200);
/**
 * A paste or an Excel import of a whole previous plan's KPI table is one call, so one undo, written whole or
 * not at all: 1,000 KPIs with ten years of target and result, their goals and issues come to about 11,300 rows
 * (some 1.5 MB). A larger table is refused by the renderer, never split.
 */
export const MAX_ROWS_PER_CREATE = 20_000;
const NewRow = z
  .object({
    entity: RowEntityName,
    /**
     * A fresh UUID chosen by the renderer, so rows of one batch can be each other's parents (a paste creates
     * issue → goal → KPI → years as one undo). Ignored for entities with deterministic ids; refused if taken.
     */
    id: Uuid.optional(),
    parentId: RowId.nullable().optional(),
    after: RowId.nullable().optional(),
    values: z.record(z.string(), z.unknown()),
  })
  .strict();
export type NewRowInput = z.input<typeof NewRow>;
const ById = z.object({ id: Uuid }).strict();

export const ExportResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), fileName: z.string() }),
  /** No dialog (browser bridge): the renderer offers the content as a download. */
  z.object({ status: z.literal('download'), fileName: z.string(), content: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);

export const ImportResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), plan: Plan, asCopy: z.boolean() }),
  z.object({ status: z.literal('cancelled') }),
]);

export const UndoResult = z.object({ label: z.string(), planId: Uuid.nullable() });
/** Undo and redo act on one plan's history (the one on screen); without a plan, on this office's newest action. */
const HistoryScope = z.object({ planId: Uuid.optional() }).strict();

/**
 * A plan after an edit of its fields, with the rows its new years dropped (targets, budgets, results of the
 * years it no longer has, and the rows below them), removed in the same undoable action.
 */
export const PlanUpdate = Plan.extend({ dropped: z.array(Row) });
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const contract = {
  'app.status': { input: None, output: AppStatus },
  'settings.get': { input: None, output: Settings },
  'settings.set': { input: Settings.partial().strict(), output: Settings },
  'plans.list': { input: None, output: z.array(PlanSummary) },
  'plans.get': { input: ById, output: Plan },
  'plans.create': { input: PlanDraft, output: Plan },
  /** Several fields at once are checked together: moving a period 2566–2570 to 2572–2576 needs both years. */
  'plans.update': {
    input: z.object({ id: Uuid, edits: z.array(PlanFieldEdit).min(1).max(PLAN_FIELDS.length) }).strict(),
    output: PlanUpdate,
  },
  /** The renderer supplies the copy's title, so the "(copy)" wording stays in the locale files. */
  // The copy's title is numbered among the plans here (core copyTitle), as an imported copy's is.
  'plans.duplicate': { input: z.object({ id: Uuid }).strict(), output: Plan },
  'plans.delete': { input: ById, output: None },
  /** A new plan for the years after this one, its evaluation pre-filled with this plan's KPIs and results. */
  'plans.startNext': { input: ById, output: Plan },
  'plans.openSample': { input: None, output: Plan },
  'plans.exportJson': { input: ById, output: ExportResult },
  /** Without content, main asks for a file with its own dialog; the renderer never sends a path. */
  'plans.importJson': { input: z.object({ content: z.string().optional() }).strict(), output: ImportResult },
  /** Every live part of a plan (core/rows.ts), siblings in order. */
  'rows.list': { input: z.object({ planId: Uuid }).strict(), output: z.array(Row) },
  /** Create rows as one undoable action: one row from a form, or many from a spreadsheet paste. */
  'rows.create': {
    input: z.object({ planId: Uuid, rows: z.array(NewRow).min(1).max(MAX_ROWS_PER_CREATE) }).strict(),
    output: z.array(Row),
  },
  'rows.update': {
    input: z.object({ id: RowId, edits: z.array(RowFieldEdit).min(1).max(50) }).strict(),
    output: Row,
  },
  /** Deletes the row and everything below it, undoably. */
  'rows.delete': { input: z.object({ id: RowId }).strict(), output: None },
  /** Place a row after a sibling (null: first). */
  'rows.move': { input: z.object({ id: RowId, after: RowId.nullable() }).strict(), output: Row },
  /**
   * Change a value frozen since adoption (core/revision.ts) with its reason and date: the change and its
   * revision row as one undoable action. Returns both rows (the changed one first).
   */
  'rows.revise': {
    input: z
      .object({
        id: RowId,
        field: z.string().min(1).max(100),
        value: z.unknown(),
        reason: z.string().max(1000),
        revisedOn: z.string().max(20),
      })
      .strict(),
    output: z.array(Row),
  },
  /** Every change ever made to one row (op log), newest first: who, when, which field, from what to what. */
  'rows.history': { input: z.object({ id: RowId }).strict(), output: z.array(RowHistoryEntry) },
  /** Every version of every framework catalog, shipped and saved here; the newest of each is marked latest. */
  'catalogs.list': { input: None, output: z.array(CatalogSummary) },
  /** One version, e.g. the one a plan was aligned to (planOptions.frameworkCatalogs). */
  'catalogs.get': {
    input: z.object({ catalogId: z.string().min(1).max(100), version: z.string().min(1).max(100) }).strict(),
    output: Catalog,
  },
  /** Save an edit of the version named in the catalog as a new local version (shipped ones are never changed). */
  'catalogs.save': { input: z.object({ catalog: Catalog }).strict(), output: Catalog },
  /** Users' words for Thai line breaking (services/thaiWords.ts), in Thai dictionary order. */
  'thaiWords.list': { input: None, output: z.array(z.string()) },
  'thaiWords.add': { input: z.object({ word: z.string().min(1).max(100) }).strict(), output: z.array(z.string()) },
  'thaiWords.remove': { input: z.object({ word: z.string().min(1).max(100) }).strict(), output: z.array(z.string()) },
  'history.undo': { input: HistoryScope, output: UndoResult },
  'history.redo': { input: HistoryScope, output: UndoResult },
  'backups.list': { input: None, output: z.array(BackupInfo) },
  'backups.create': { input: None, output: BackupInfo },
  'backups.restore': { input: z.object({ name: z.string().min(1) }).strict(), output: AppStatus },
  /** Open another database file (Electron: a dialog) or start a new empty one beside the failed one. */
  'database.useAnother': { input: z.object({ fresh: z.boolean() }).strict(), output: AppStatus },
  /** Open the failed database again (another window that held it has been closed). */
  'database.retry': { input: None, output: AppStatus },
  /** A moved or copied database: a copy takes a new office id (newIdentity), a move keeps it. */
  'database.confirmMove': { input: z.object({ newIdentity: z.boolean() }).strict(), output: AppStatus },
  /** Offline exchange between offices and the secretariat (core/exchange/api.ts). */
  ...exchangeChannels,
  /** PDF export of the plan and its handouts, as a job with progress and cancel (core/pdf/api.ts). */
  ...pdfChannels,
  /** Excel export of the plan's tables and reading an .xlsx for import (core/xlsx/api.ts). */
  ...xlsxChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> };
/** What the renderer calls: one async function per channel, resolving to the typed envelope. */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> };

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/**
 * Parse, call, parse: the single path every request takes, in main and in the test bridge. A payload that
 * fails its schema never reaches a handler, so it cannot write anything.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
  log: (message: string) => void = () => {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'invalid-input', detail: `unknown channel ${channel}` } };
  const spec = contract[channel];
  const parsed = spec.input.safeParse(payload ?? {});
  if (!parsed.success) {
    const detail = `${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
    log(detail);
    return { ok: false, error: { code: 'invalid-input', detail, fields: fieldIssues(parsed.error) } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const data = spec.output.parse(await handler(parsed.data));
    return { ok: true, data };
  } catch (err) {
    if (err instanceof AppError) {
      log(`${channel}: ${err.message}`);
      return { ok: false, error: err.toShape() };
    }
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    log(`${channel}: internal error: ${detail}`);
    return { ok: false, error: { code: 'internal', detail } };
  }
}
