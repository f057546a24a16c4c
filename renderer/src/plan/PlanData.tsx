import type { TFunction } from 'i18next';
import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { NewRowInput } from '../../../main/core/contract.ts';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import type { Plan } from '../../../main/core/plan.ts';
import { comparePositions } from '../../../main/core/position.ts';
import { adoptedTargetsIn, needsRevision, type RevisionInput } from '../../../main/core/revision.ts';
import { ROW_DEFAULTS, type Row, type RowData, type RowEntity } from '../../../main/core/rows.ts';
import type { UnsavedInput } from '../../../main/core/settings.ts';
import { scoringConfig } from '../../../main/core/swotPlan.ts';
import { checkField, outsidePeriod, type ValidityContext } from '../../../main/core/validity.ts';
import { descendantsOf } from '../../../main/core/liveRows.ts';
import { rowIndex } from '../../../main/core/rowIndex.ts';
import { routeHash } from '../route.ts';
import { countsText } from './descendants.ts';
import type { WizardId } from '../wizard/types.ts';
import { useApi } from '../ApiContext.tsx';
import { errorText } from '../format.ts';
import { useShell } from '../shell.ts';
import type { SaveState } from '../useAutosave.ts';
import { LoadFailed } from '../components/LoadFailed.tsx';

/**
 * A plan and all its rows, loaded once per screen, with optimistic autosave: an edit shows at once, is
 * checked with core's validity rules (core/validity.ts, the ones rows.update refuses with), and valid values are
 * sent 400 ms after typing stops (or on blur) in one rows.update per row. A refused value is never sent and
 * never counted (totals and checks read saved and valid values only); its text stays in its field with its
 * message, kept in settings (`unsaved`) so that it is still there after leaving the step or a restart, and the
 * status line counts it until it is fixed or cleared.
 *
 * The object changes (and every screen using it re-renders) when the rows change, not per keystroke: a
 * keystroke's refused text reaches its own field through useFieldError and the places that count refused
 * input through useRefused, so typing into one of 5,000 target cells re-renders that cell. When a save returns,
 * the year cells (memoised, reading it through usePlanActions) re-render only where their rows changed.
 */
export interface PlanData {
  readonly plan: Plan;
  readonly rows: readonly Row[];
  readonly options: RowData<'planOptions'>;
  /** The office that wrote as `actor` (an op-log installation id): null for this one, else its name, or a short id. */
  officeOf(actor: string): string | null;
  /** Live rows of an entity (under a parent, when given), in their order. */
  list(entity: RowEntity, parentId?: string | null): readonly Row[];
  /** What a field shows: the value being typed if any, else the saved one. */
  value(row: Row, field: string): unknown;
  /**
   * The text typed into a field and refused, if any, as it is now: what the field starts with instead of the
   * saved value. Its message, kept up to date, is useFieldError's.
   */
  unsavedText(rowId: string, field: string): string | undefined;
  /**
   * Refused input of this plan, by `${rowId}|${field}`, as it is now (the status line counts it and links to
   * the first); useRefused to follow it.
   */
  readonly unsaved: Readonly<Record<string, UnsavedInput>>;
  /** `text`: as typed, kept while the value is refused (a number box's text); the value itself by default. */
  edit(row: Row, field: string, value: unknown, text?: string): void;
  /**
   * A value refused before it reaches a row: one the input could not turn into its type ("abc" in a number
   * field), or one for a row that does not exist yet (a year cell; `rowId` is its fixed id).
   */
  reject(rowId: string, field: string, message: string, text: string): void;
  /** Forget refused input of a field (a valid value for a row not created yet replaces it). */
  discard(rowId: string, field: string): void;
  /** The problem with a value for a row that may not exist yet (core's rules, in this plan). */
  check(
    entity: RowEntity,
    parentId: string | null,
    row: Record<string, unknown>,
    field: string,
    value: unknown,
  ): string | undefined;
  /** Saves what is typed and waits for every save and creation under way, so what is stored is what is shown. */
  flush(): Promise<void>;
  /** Work that will save something (a keystroke waiting for its row's creation): flush waits for it too. */
  track(work: Promise<unknown>): void;
  create(rows: NewRowInput[]): Promise<Row[] | null>;
  /**
   * Whether the row went: false when refused (said in a notice), so the focus stays where it was. `what` names
   * the row in a language when the name is the app's own ("เป้าประสงค์ที่ 1.1"), so the notice follows a switch.
   */
  remove(row: Row, what: string | ((t: TFunction) => string)): Promise<boolean>;
  /** Change a value frozen since adoption with its reason (rows.revise); the error when main refuses it. */
  revise(row: Row, revision: RevisionInput): Promise<AppErrorShape | null>;
  move(row: Row, after: string | null): Promise<void>;
  setOption<F extends keyof RowData<'planOptions'>>(field: F, value: RowData<'planOptions'>[F]): Promise<void>;
}

const PlanDataContext = createContext<PlanData | null>(null);

export function usePlanData(): PlanData {
  const data = useContext(PlanDataContext);
  if (!data) throw new Error('usePlanData outside PlanDataProvider');
  return data;
}

/**
 * The same PlanData (it reads the rows as they are when asked), in a context that does not change when a save
 * returns new rows: for a memoised cell whose props carry the rows it shows (YearCell), so that a save
 * re-renders the cells whose rows changed, not the 5,000 cells of a table. It changes with the plan's options
 * (a rating's scale is part of the rules every field is checked with).
 */
const PlanActionsContext = createContext<PlanData | null>(null);

export function usePlanActions(): PlanData {
  const data = useContext(PlanActionsContext);
  if (!data) throw new Error('usePlanActions outside PlanDataProvider');
  return data;
}

const DEBOUNCE_MS = 400;
type Drafts = Record<string, Record<string, unknown>>;

/** The wizard step a screen shows: where refused input was typed, for the status line's link back to it. */
export interface Place {
  readonly wizard: WizardId;
  readonly step: number;
}

export function PlanDataProvider({
  planId,
  place,
  version = 0,
  fallback = <main className="page" aria-busy="true" />,
  children,
}: {
  planId: string;
  place?: Place | undefined;
  /** Changed when the plan changed under the screen: loads it again, showing what it had meanwhile. */
  version?: number | undefined;
  /** What shows while the plan loads: by default the whole page, busy. */
  fallback?: ReactNode;
  children: ReactNode;
}) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | { error: AppErrorShape } | null>(null);

  useEffect(() => {
    void Promise.all([
      api['plans.get']({ id: planId }),
      api['rows.list']({ planId }),
      api['app.status']({}),
      api['exchange.offices']({}),
      api['settings.get']({}),
    ]).then(([plan, rows, status, offices, settings]) => {
      const failed = [plan, rows, status].find((r) => !r.ok);
      if (failed && !failed.ok) return setLoaded({ error: failed.error });
      if (plan.ok && rows.ok && status.ok && status.data.database.state === 'open') {
        // Office names are a courtesy: without them a row still shows who entered it, by installation id.
        const names = new Map(offices.ok ? offices.data.map((o) => [o.actor, o.name]) : []);
        const unsaved = settings.ok ? (settings.data.unsaved[planId] ?? {}) : {};
        setLoaded({
          plan: plan.data,
          rows: rows.data,
          officeId: status.data.database.officeId,
          names,
          unsaved,
          version,
        });
      }
    });
  }, [api, planId, version]);

  if (!loaded) return fallback;
  if ('error' in loaded) return <LoadFailed error={loaded.error} />;
  return (
    // Its stores start from what was loaded: a new load starts them afresh.
    <LoadedPlan key={loaded.version} loaded={loaded} place={place}>
      {children}
    </LoadedPlan>
  );
}

interface Loaded {
  plan: Plan;
  rows: Row[];
  officeId: string;
  /** Office name per installation (op-log actor) known from exchange packages. */
  names: ReadonlyMap<string, string>;
  unsaved: Record<string, UnsavedInput>;
  /** The provider's version this was loaded for. */
  version: number;
}

const unsavedKey = (rowId: string, field: string) => `${rowId}|${field}`;

function LoadedPlan({ loaded, place, children }: { loaded: Loaded; place: Place | undefined; children: ReactNode }) {
  const { plan, officeId, names } = loaded;
  // Not the place object: a new one each render would renew every callback below.
  const wizard = place?.wizard;
  const step = place?.step ?? 0;
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  // Rows live in a ref that changes at once (a check on Next reads it right after a save) and in state that
  // re-renders the screen, updated as a transition so the re-render of every row never holds up typing.
  const rowsRef = useRef<Row[]>(loaded.rows);
  const [rows, setRowsState] = useState<Row[]>(loaded.rows);
  const setRows = useCallback((change: (current: Row[]) => Row[]) => {
    rowsRef.current = change(rowsRef.current);
    const next = rowsRef.current;
    startTransition(() => setRowsState(next));
  }, []);
  // What changes per keystroke lives in stores (Watched) that the components showing it subscribe to; this
  // provider never re-renders for it, so no context changes and React never searches the 5,000 cells of a
  // table for the few that read it. Values typed but not yet saved: a keystroke must not re-render every row
  // of the plan. Inputs echo from their own state; summaries that must follow typing live (remaining weight)
  // subscribe to `typed` (a count of changes to drafts) through useLiveDrafts().
  const drafts = useRef<Drafts>({});
  // Refused input by `${rowId}|${field}`: its text, message and where it was typed, changed at once, so that
  // Next judges a refusal that came back from main during its flush. Followed through useRefused.
  const [stores] = useState((): PlanStores => ({
    refused: new RefusedInput(loaded.unsaved),
    save: new Watched<SaveState>({ kind: 'idle' }),
    typed: new Watched(0),
  }));
  const setUnsaved = useCallback(
    (change: (current: Readonly<Record<string, UnsavedInput>>) => Readonly<Record<string, UnsavedInput>>) =>
      stores.refused.set(change(stores.refused.get())),
    [stores],
  );
  const setSaveState = useCallback(
    (next: SaveState | ((current: SaveState) => SaveState)) =>
      stores.save.set(typeof next === 'function' ? next(stores.save.get()) : next),
    [stores],
  );
  const draftsChanged = useCallback(() => stores.typed.set(stores.typed.get() + 1), [stores]);
  // Valid values waiting to be sent, by row id; a ref so the debounced flush sees the latest.
  const pending = useRef(new Map<string, Map<string, unknown>>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const replace = useCallback(
    (updated: Row[]) => {
      const byId = new Map(updated.map((r) => [r.id, r]));
      setRows((current) => {
        const kept = current.map((r) => byId.get(r.id) ?? r);
        const added = updated.filter((r) => !current.some((c) => c.id === r.id));
        return [...kept, ...added].sort(comparePositions);
      });
    },
    [setRows],
  );

  // Rows main deleted: gone from the screen with what was typed into them and refused (a year cell's input has
  // the fixed id `${parentId}:${year}` of a row that may never have been created).
  const forget = useCallback(
    (rows: readonly Row[]) => {
      const gone = new Set(rows.map((r) => r.id));
      setRows((current) => current.filter((r) => !gone.has(r.id)));
      const goneInput = (key: string) => {
        const rowId = key.slice(0, key.lastIndexOf('|'));
        return gone.has(rowId) || gone.has(rowId.slice(0, rowId.lastIndexOf(':')));
      };
      setUnsaved((current) =>
        Object.keys(current).some(goneInput)
          ? Object.fromEntries(Object.entries(current).filter(([key]) => !goneInput(key)))
          : current,
      );
    },
    [setRows, setUnsaved],
  );

  const fail = useCallback(
    (error: AppErrorShape) => {
      setSaveState({ kind: 'failed', error });
      shell.notify({ text: errorText(t, error), kind: 'error' });
    },
    [setSaveState, shell, t],
  );

  const waiting = () => [...pending.current.values()].some((fields) => fields.size > 0);

  /** After a save or a create: "saved" only when no typed edit is still waiting for its debounce or its turn. */
  const settled = useCallback(() => {
    const kind = waiting() ? 'saving' : 'saved';
    setSaveState((current) => (current.kind === kind ? current : { kind }));
  }, [setSaveState]);

  /** A refused value: kept as typed with its message, never sent, never counted (no draft of it). */
  const refuse = useCallback(
    (rowId: string, field: string, message: string, text: string) => {
      pending.current.get(rowId)?.delete(field);
      const draft = drafts.current[rowId];
      const dropped = draft !== undefined && field in draft;
      if (dropped) drafts.current[rowId] = Object.fromEntries(Object.entries(draft).filter(([f]) => f !== field));
      const at = wizard === undefined ? '' : routeHash({ name: 'wizard', id: plan.id, wizard, step, rowId });
      setUnsaved((current) => {
        const key = unsavedKey(rowId, field);
        const was = current[key];
        if (was?.text === text && was.message === message) return current;
        return { ...current, [key]: { text, message, at: was?.at ?? at } };
      });
      // Live sums (a budget total) follow when a value they counted is gone, not with each refused keystroke.
      if (dropped) draftsChanged();
    },
    [wizard, step, plan.id, setUnsaved, draftsChanged],
  );

  const send = useCallback(async () => {
    const batch = pending.current;
    pending.current = new Map();
    if (batch.size === 0) return;
    setSaveState({ kind: 'saving' });
    for (const [id, fields] of batch) {
      // A row whose only pending field was refused since: nothing to send.
      if (fields.size === 0) continue;
      const result = await api['rows.update']({
        id,
        edits: [...fields].map(([field, value]) => ({ field, value })),
      });
      if (!result.ok) {
        // Refused by main (the same rules, judged on what is stored): kept as typed, like a refusal here.
        for (const [field, message] of Object.entries(result.error.fields ?? {})) {
          const typed = drafts.current[id]?.[field] ?? fields.get(field);
          refuse(id, field, message, typeof typed === 'string' ? typed : JSON.stringify(typed ?? ''));
        }
        return fail(result.error);
      }
      // Drop drafts that are now saved, unless the user typed on meanwhile.
      drafts.current[id] = Object.fromEntries(
        Object.entries(drafts.current[id] ?? {}).filter(([f, v]) => !Object.is(fields.get(f), v)),
      );
      replace([result.data]);
      if (result.data.entity === 'project' && (fields.has('startYear') || fields.has('endYear'))) {
        // Main deleted the budgets and results of the years the project no longer has, in the same action
        // (core/validity.ts outsidePeriod): the same rule here says which, and the undo offer brings them back.
        const project = result.data;
        const below = descendantsOf(rowsRef.current, project.id);
        const outside = outsidePeriod(below, plan, (id) => (id === project.id ? project.data : undefined));
        const dropped = [...outside, ...outside.flatMap((r) => descendantsOf(below, r.id))];
        if (dropped.length > 0) {
          forget(dropped);
          shell.notify({
            text: (tt) => tt('workspace.yearsDropped', { children: countsText(tt, dropped) }),
            undo: true,
            planId: plan.id,
          });
        }
      }
    }
    settled();
  }, [api, fail, forget, plan, refuse, replace, settled, setSaveState, shell]);

  /** Sends the edits waiting for their debounce, after those already on their way. */
  const sendNow = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(send);
    return queue.current;
  }, [send]);

  // Work under way that will save something: creations (a year's row, the vision's, made by the first
  // keystroke) from the moment they are asked for, also while they wait behind a save, and keystrokes waiting
  // for their row's creation. Flush waits for all of it, so Next judges the step after the row typed into
  // exists and holds the last keystroke, not before (the vision race).
  const working = useRef(new Set<Promise<unknown>>());
  const track = useCallback((work: Promise<unknown>) => {
    working.current.add(work);
    const done = () => working.current.delete(work);
    work.then(done, done);
  }, []);
  const flush = useCallback(async (): Promise<void> => {
    // Until quiet: work that ends may leave an edit behind (typed while its row was being created).
    do await Promise.all([sendNow(), ...working.current]);
    while (working.current.size > 0 || waiting());
  }, [sendNow]);

  // Leaving the screen must not lose the last keystrokes.
  useEffect(() => () => void flush(), [flush]);

  // The setters below return the previous state when nothing changes, so React skips the re-render: most
  // keystrokes change neither a field's message nor the status line.
  const setSaveKind = (kind: 'saving' | 'saved') =>
    setSaveState((current) => (current.kind === kind ? current : { kind }));

  const accepted = useCallback(
    (rowId: string, field: string) =>
      setUnsaved((current) => {
        const key = unsavedKey(rowId, field);
        if (!(key in current)) return current;
        return Object.fromEntries(Object.entries(current).filter(([k]) => k !== key));
      }),
    [setUnsaved],
  );

  const optionsRow = rows.find((r) => r.entity === 'planOptions');
  // The saved options, read from the rows' ref when asked, so that Next right after a save judges the stored
  // value; kept while the rows stay the same, as tables read them once per row.
  const optionsSeen = useRef<{ rows: readonly Row[]; options: RowData<'planOptions'> } | null>(null);
  const currentOptions = useCallback((): RowData<'planOptions'> => {
    const list = rowsRef.current;
    if (optionsSeen.current?.rows !== list) {
      const saved = list.find((r) => r.entity === 'planOptions')?.data as Partial<RowData<'planOptions'>> | undefined;
      optionsSeen.current = { rows: list, options: { ...ROW_DEFAULTS.planOptions, ...saved } };
    }
    return optionsSeen.current.options;
  }, []);
  // The rows by id, made again when the rows change: every cell of a table checks its stored value against its
  // parent (a KPI's unit) as it renders, and a search of every row per cell is quadratic in the plan's size.
  const byIdSeen = useRef<{ rows: readonly Row[]; byId: ReadonlyMap<string, Row> } | null>(null);
  const rowById = useCallback((id: string): Row | undefined => {
    const list = rowsRef.current;
    if (byIdSeen.current?.rows !== list) byIdSeen.current = { rows: list, byId: new Map(list.map((r) => [r.id, r])) };
    return byIdSeen.current.byId.get(id);
  }, []);
  /** What core's rules need around a row, from the rows as shown (saved values and valid drafts). */
  const context = useCallback(
    (
      entity: RowEntity,
      rowId: string | null,
      parentId: string | null,
      row: Record<string, unknown>,
    ): ValidityContext => {
      const parent = parentId === null ? undefined : rowById(parentId);
      return {
        plan,
        scale: scoringConfig(currentOptions()),
        parent: parent ? { ...parent.data, ...drafts.current[parent.id] } : null,
        row,
        siblings: () =>
          rowsRef.current
            .filter((r) => r.entity === entity && r.parentId === parentId && r.id !== rowId)
            .map((r) => ({ ...r.data, ...drafts.current[r.id] })),
      };
    },
    [plan, currentOptions, rowById],
  );

  const edit = useCallback(
    (row: Row, field: string, value: unknown, text?: string) => {
      const shownRow = { ...row.data, ...drafts.current[row.id], [field]: value };
      const checked = checkField(row.entity, field, value, context(row.entity, row.id, row.parentId, shownRow));
      if (!checked.ok) return refuse(row.id, field, checked.message, text ?? String(value ?? ''));
      // Adopted targets change only as a revision (core/revision.ts), as main refuses a plain edit of them.
      const change = { entity: row.entity, rowId: row.id, field, before: row.data[field], after: checked.value };
      if (needsRevision(currentOptions().adoptedOn !== null, change))
        return refuse(row.id, field, 'monitoring.revision.frozen', text ?? String(value ?? ''));
      const fields = pending.current.get(row.id) ?? new Map<string, unknown>();
      pending.current.set(row.id, fields.set(field, checked.value));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
      drafts.current[row.id] = { ...drafts.current[row.id], [field]: value };
      accepted(row.id, field);
      // Never "saved" while an edit waits for its debounce: the status line must not claim what is not true.
      setSaveKind('saving');
      // Live summaries follow as a transition, which React renders without holding up the next keystroke.
      draftsChanged();
    },
    [accepted, context, currentOptions, draftsChanged, flush, refuse],
  );

  const check = useCallback(
    (entity: RowEntity, parentId: string | null, row: Record<string, unknown>, field: string, value: unknown) => {
      const checked = checkField(
        entity,
        field,
        value,
        context(entity, null, parentId, { ...ROW_DEFAULTS[entity], ...row }),
      );
      return checked.ok ? undefined : checked.message;
    },
    [context],
  );

  // Refused input outlives the screen and the program: kept in settings as it changes (only while a field
  // holds refused text, so not on every keystroke). One write at a time, each with the input as it is when its
  // turn comes: two writes in flight could land out of order, and a value refused then mended at once
  // ("2571", then "2570") came back as refused after a restart.
  const writingRefused = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(
    () =>
      stores.refused.subscribe(() => {
        writingRefused.current = writingRefused.current
          .then(async () => {
            const settings = await api['settings.get']({});
            if (!settings.ok) return;
            const unsaved = stores.refused.get();
            const { [plan.id]: _, ...others } = settings.data.unsaved;
            const next = Object.keys(unsaved).length > 0 ? { ...others, [plan.id]: unsaved } : others;
            await api['settings.set']({ unsaved: next });
          })
          .catch((err: unknown) => console.warn(`Refused input not kept in settings: ${String(err)}`));
      }),
    [api, plan.id, stores],
  );

  const create = useCallback(
    (input: NewRowInput[]) => {
      const work = (async () => {
        // After the edits typed before it; not after other creations (flush waits for this one).
        await sendNow();
        const result = await api['rows.create']({ planId: plan.id, rows: input });
        if (!result.ok) {
          fail(result.error);
          return null;
        }
        replace(result.data);
        settled();
        return result.data;
      })();
      track(work);
      return work;
    },
    [api, fail, sendNow, track, plan.id, replace, settled],
  );

  const remove = useCallback(
    async (row: Row, named: string | ((t: TFunction) => string)) => {
      const what = (tt: TFunction) => (typeof named === 'string' ? named : named(tt));
      // The row and everything below it, with what was typed into them and refused (a year cell's input has
      // the fixed id `${parentId}:${year}` of a row that may never have been created).
      const below = descendantsOf(rowsRef.current, row.id);
      // An adopted target or budget is never deleted (core/revision.ts), as main refuses it: say what to do.
      if (adoptedTargetsIn(currentOptions().adoptedOn !== null, [row, ...below]).length > 0) {
        shell.notify({ text: (tt) => tt('monitoring.revision.deleteRefused', { what: what(tt) }), kind: 'error' });
        return false;
      }
      await flush();
      const result = await api['rows.delete']({ id: row.id });
      if (!result.ok) {
        fail(result.error);
        return false;
      }
      forget([row, ...below]);
      // Said again in the undo offer: what went with the row, and that Undo brings all of it back.
      shell.notify({
        text: (tt) =>
          below.length > 0
            ? tt('workspace.deletedWith', { what: what(tt), children: countsText(tt, below) })
            : tt('rows.deleted', { what: what(tt) }),
        undo: true,
        planId: plan.id,
      });
      return true;
    },
    [api, currentOptions, fail, flush, forget, shell, plan.id],
  );

  const revise = useCallback(
    async (row: Row, revision: RevisionInput) => {
      await flush();
      const result = await api['rows.revise']({ id: row.id, ...revision });
      if (result.ok) {
        replace(result.data);
        accepted(row.id, revision.field);
      }
      return result.ok ? null : result.error;
    },
    [accepted, api, flush, replace],
  );

  const move = useCallback(
    async (row: Row, after: string | null) => {
      await flush();
      const result = await api['rows.move']({ id: row.id, after });
      if (result.ok) replace([result.data]);
      else fail(result.error);
    },
    [api, fail, flush, replace],
  );

  // The options row is created by the first option set; later calls wait for it instead of creating it again.
  const creatingOptions = useRef<Promise<Row[] | null> | null>(null);
  const setOption = useCallback(
    async <F extends keyof RowData<'planOptions'>>(field: F, value: RowData<'planOptions'>[F]) => {
      if (optionsRow) return edit(optionsRow, field, value);
      if (creatingOptions.current) {
        const created = (await creatingOptions.current)?.[0];
        if (created) return edit(created, field, value);
      }
      creatingOptions.current = create([{ entity: 'planOptions', values: { [field]: value } }]);
      await creatingOptions.current;
    },
    [create, edit, optionsRow],
  );

  // Rows as the user sees them: values typed but not yet saved (the 400 ms debounce) already count, so a step
  // check on Next judges what is on screen, not what the last save returned. Read at call time from the ref,
  // and made once per rows and drafts (every change to drafts counts in `typed`, or comes with new rows): the
  // same array then goes to every reader, so whole-plan work kept per array (core's outline) is done once.
  const shownSeen = useRef<{ rows: readonly Row[]; typed: number; shown: readonly Row[] } | null>(null);
  const shownRows = useCallback((): readonly Row[] => {
    const list = rowsRef.current;
    const typed = stores.typed.get();
    const seen = shownSeen.current;
    if (seen?.rows === list && seen.typed === typed) return seen.shown;
    // A row without drafts stays the object it is, so that what is memoised on it (a table's cell) holds.
    const shown = list.map((r) => (drafts.current[r.id] ? { ...r, data: { ...r.data, ...drafts.current[r.id] } } : r));
    shownSeen.current = { rows: list, typed, shown };
    return shown;
  }, [stores]);

  const make = useCallback(
    (): PlanData => ({
      plan,
      get rows() {
        return shownRows();
      },
      get options() {
        return currentOptions();
      },
      officeOf: (actor) => (actor === officeId ? null : (names.get(actor) ?? actor.slice(0, 8))),
      list: (entity, parentId) => {
        const index = rowIndex(shownRows());
        return parentId === undefined ? index.of(entity) : index.children(entity, parentId);
      },
      value: (row, field) => {
        const typed = drafts.current[row.id];
        return typed && field in typed ? typed[field] : row.data[field];
      },
      unsavedText: (rowId, field) => stores.refused.get()[unsavedKey(rowId, field)]?.text,
      get unsaved() {
        return stores.refused.get();
      },
      edit,
      reject: refuse,
      discard: accepted,
      check,
      flush,
      track,
      create,
      remove,
      revise,
      move,
      setOption,
    }),
    [
      plan,
      stores,
      shownRows,
      currentOptions,
      officeId,
      names,
      edit,
      refuse,
      accepted,
      check,
      flush,
      track,
      create,
      remove,
      revise,
      move,
      setOption,
    ],
  );
  // Every getter reads the refs: the object made again when the rows change is only what makes the screens
  // that show the rows re-render; `actions` (no new rows) is the one memoised cells read. The object for these
  // rows is kept in a ref, not by useMemo: a render of new rows that a keystroke interrupts is thrown away with
  // what its hooks memoised, and the next attempt must give the same object to the work cached by it (every
  // step's check, wizard/progress.ts), or that work is redone after every keystroke and never finishes.
  const made = useRef<{ make: typeof make; rows: readonly Row[]; value: PlanData } | null>(null);
  if (made.current?.make !== make || made.current.rows !== rows) made.current = { make, rows, value: make() };
  const value = made.current.value;
  const actions = useMemo(make, [make]);
  return (
    <PlanActionsContext.Provider value={actions}>
      <PlanDataContext.Provider value={value}>
        <PlanStoresContext.Provider value={stores}>{children}</PlanStoresContext.Provider>
      </PlanDataContext.Provider>
    </PlanActionsContext.Provider>
  );
}

/** A value that changes with typing, and tells the components that subscribed to it. */
class Watched<T> {
  readonly #listeners = new Set<() => void>();
  #value: T;
  constructor(value: T) {
    this.#value = value;
  }
  readonly get = (): T => this.#value;
  set(next: T): void {
    const before = this.#value;
    if (Object.is(next, before)) return;
    this.#value = next;
    this.changed(before, next);
    for (const listener of this.#listeners) listener();
  }
  /** For subscriptions to a part of the value. */
  protected changed(_before: T, _after: T): void {}
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}

/**
 * Refused input, by `${rowId}|${field}`, also watched field by field: a keystroke into one of 5,000 cells tells
 * the cell typed into, not every cell of the table.
 */
class RefusedInput extends Watched<Readonly<Record<string, UnsavedInput>>> {
  readonly #byField = new Map<string, Set<() => void>>();
  protected override changed(
    before: Readonly<Record<string, UnsavedInput>>,
    after: Readonly<Record<string, UnsavedInput>>,
  ): void {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      if (before[key] !== after[key]) for (const listener of this.#byField.get(key) ?? []) listener();
  }
  subscribeField(key: string, listener: () => void): () => void {
    const listeners = this.#byField.get(key) ?? new Set();
    this.#byField.set(key, listeners.add(listener));
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#byField.delete(key);
    };
  }
}

interface PlanStores {
  readonly refused: RefusedInput;
  /** The autosave's own status; refused input outranks it (usePlanSaveState). */
  readonly save: Watched<SaveState>;
  readonly typed: Watched<number>;
}

/** Never changes for a plan: a context change would make React look through every component under it. */
const PlanStoresContext = createContext<PlanStores | null>(null);

function usePlanStores(): PlanStores {
  const stores = useContext(PlanStoresContext);
  if (!stores) throw new Error('outside PlanDataProvider');
  return stores;
}

/**
 * The part of the plan's refused input a component shows, followed as it changes: the component re-renders
 * when what `select` returns changes (compared with Object.is: return a value or an object kept as is).
 */
export function useRefused<T>(select: (unsaved: Readonly<Record<string, UnsavedInput>>) => T): T {
  const { refused } = usePlanStores();
  return useSyncExternalStore(refused.subscribe, () => select(refused.get()));
}

/** i18n key of the problem with what was typed into a field, if any; only this field re-renders as it changes. */
export function useFieldError(rowId: string, field: string): string | undefined {
  const { refused } = usePlanStores();
  const key = unsavedKey(rowId, field);
  const subscribe = useCallback((listener: () => void) => refused.subscribeField(key, listener), [refused, key]);
  return useSyncExternalStore(subscribe, () => refused.get()[key]?.message);
}

/**
 * Where each refused input was typed (the route hashes, in one string): changes when a field is refused or
 * accepted, not with each keystroke into a field already refused. For what counts refused input per step.
 */
export function useRefusedPlaces(): string {
  return useRefused((unsaved) =>
    Object.values(unsaved)
      .map((input) => input.at)
      .join(' '),
  );
}

/** The autosave status, for the status line alone to re-render when it changes. */
export function usePlanSaveState(): SaveState {
  const { save } = usePlanStores();
  const unsaved = useRefused((refused) => refused);
  const state = useSyncExternalStore(save.subscribe, save.get);
  // Refused input outranks everything else: nothing may say "saved" while a field holds text that is not.
  return useMemo(() => refusedState(unsaved) ?? state, [unsaved, state]);
}

/** What refused input makes the save status say: how many fields, and the way to the first; null if none. */
export function refusedState(unsaved: Readonly<Record<string, UnsavedInput>>): SaveState | null {
  const refused = Object.values(unsaved);
  return refused.length > 0 ? { kind: 'invalid', count: refused.length, at: refused[0]!.at } : null;
}

/**
 * A plan's refused input as kept in the settings, for the plan's page, which does not load its rows: its
 * status line and completeness card must not call the plan saved or complete while a wizard field holds
 * text that was refused. Null while it loads.
 */
export function useStoredRefused(planId: string): Readonly<Record<string, UnsavedInput>> | null {
  const api = useApi();
  const [unsaved, setUnsaved] = useState<Readonly<Record<string, UnsavedInput>> | null>(null);
  useEffect(() => {
    let live = true;
    void api['settings.get']({}).then((r) => live && setUnsaved(r.ok ? (r.data.unsaved[planId] ?? {}) : {}));
    return () => {
      live = false;
    };
  }, [api, planId]);
  return unsaved;
}

/**
 * For a summary that must follow typing before the autosave (the remaining weight of a SWOT letter): the
 * component re-renders on every keystroke, as a transition. Everything else updates when a save returns.
 */
export function useLiveDrafts(): void {
  const { typed } = usePlanStores();
  const [, setSeen] = useState(typed.get());
  useEffect(() => typed.subscribe(() => startTransition(() => setSeen(typed.get()))), [typed]);
}
