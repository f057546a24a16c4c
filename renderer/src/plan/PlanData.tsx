import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { NewRowInput } from '../../../main/core/contract.ts';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import type { Plan } from '../../../main/core/plan.ts';
import { comparePositions } from '../../../main/core/position.ts';
import { ROW_DEFAULTS, rowFieldSchema, type Row, type RowData, type RowEntity } from '../../../main/core/rows.ts';
import { useApi } from '../ApiContext.tsx';
import { errorText } from '../format.ts';
import { useShell } from '../shell.ts';
import type { SaveState } from '../useAutosave.ts';
import { LoadFailed } from '../components/LoadFailed.tsx';

/**
 * A plan and all its rows, loaded once per screen, with optimistic autosave: an edit shows at once, is
 * checked with core's field schema, and valid values are sent 400 ms after typing stops (or on blur) in one
 * rows.update per row. An invalid value stays on screen with its message and is never sent.
 */
export interface PlanData {
  readonly plan: Plan;
  readonly rows: readonly Row[];
  readonly options: RowData<'planOptions'>;
  /** The office that wrote as `actor` (an op-log installation id): null for this one, else its name, or a short id. */
  officeOf(actor: string): string | null;
  /** Live rows of an entity (under a parent, when given), in their order. */
  list(entity: RowEntity, parentId?: string | null): Row[];
  /** What a field shows: the value being typed if any, else the saved one. */
  value(row: Row, field: string): unknown;
  /** i18n key of the field's current problem, if any. */
  error(rowId: string, field: string): string | undefined;
  edit(row: Row, field: string, value: unknown): void;
  /** A value the input could not even turn into its type (e.g. "abc" in a number field). */
  reject(row: Row, field: string, message: string): void;
  flush(): Promise<void>;
  create(rows: NewRowInput[]): Promise<Row[] | null>;
  remove(row: Row, what: string): Promise<void>;
  move(row: Row, after: string | null): Promise<void>;
  setOption<F extends keyof RowData<'planOptions'>>(field: F, value: RowData<'planOptions'>[F]): Promise<void>;
}

const PlanDataContext = createContext<PlanData | null>(null);

export function usePlanData(): PlanData {
  const data = useContext(PlanDataContext);
  if (!data) throw new Error('usePlanData outside PlanDataProvider');
  return data;
}

const DEBOUNCE_MS = 400;
type Drafts = Record<string, Record<string, unknown>>;

export function PlanDataProvider({ planId, children }: { planId: string; children: ReactNode }) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | { error: AppErrorShape } | null>(null);

  useEffect(() => {
    void Promise.all([
      api['plans.get']({ id: planId }),
      api['rows.list']({ planId }),
      api['app.status']({}),
      api['exchange.offices']({}),
    ]).then(([plan, rows, status, offices]) => {
      const failed = [plan, rows, status].find((r) => !r.ok);
      if (failed && !failed.ok) return setLoaded({ error: failed.error });
      if (plan.ok && rows.ok && status.ok && status.data.database.state === 'open') {
        // Office names are a courtesy: without them a row still shows who entered it, by installation id.
        const names = new Map(offices.ok ? offices.data.map((o) => [o.actor, o.name]) : []);
        setLoaded({ plan: plan.data, rows: rows.data, officeId: status.data.database.officeId, names });
      }
    });
  }, [api, planId]);

  if (!loaded) return <main className="page" aria-busy="true" />;
  if ('error' in loaded) return <LoadFailed error={loaded.error} />;
  return <LoadedPlan loaded={loaded}>{children}</LoadedPlan>;
}

interface Loaded {
  plan: Plan;
  rows: Row[];
  officeId: string;
  /** Office name per installation (op-log actor) known from exchange packages. */
  names: ReadonlyMap<string, string>;
}

function LoadedPlan({ loaded, children }: { loaded: Loaded; children: ReactNode }) {
  const { plan, officeId, names } = loaded;
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
  // Values typed but not yet saved. A ref, not state: a keystroke must not re-render every row of the plan
  // (a 1,000-KPI table takes longer than a frame). Inputs echo from their own state; summaries that must follow
  // typing live (remaining weight) subscribe to `typed` through useLiveDrafts().
  const drafts = useRef<Drafts>({});
  const [typed, setTyped] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
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

  const fail = useCallback(
    (error: AppErrorShape) => {
      setSaveState({ kind: 'failed', error });
      shell.notify({ text: errorText(t, error), kind: 'error' });
    },
    [shell, t],
  );

  /** After a save or a create: "saved" only when no typed edit is still waiting for its debounce or its turn. */
  const settled = useCallback(() => {
    const kind = [...pending.current.values()].some((fields) => fields.size > 0) ? 'saving' : 'saved';
    setSaveState((current) => (current.kind === kind ? current : { kind }));
  }, []);

  const send = useCallback(async () => {
    const batch = pending.current;
    pending.current = new Map();
    if (batch.size === 0) return;
    setSaveState({ kind: 'saving' });
    for (const [id, fields] of batch) {
      const result = await api['rows.update']({
        id,
        edits: [...fields].map(([field, value]) => ({ field, value })),
      });
      if (!result.ok) {
        const fieldErrors = result.error.fields ?? {};
        setErrors((e) => ({
          ...e,
          ...Object.fromEntries(Object.entries(fieldErrors).map(([f, m]) => [`${id}.${f}`, m])),
        }));
        return fail(result.error);
      }
      // Drop drafts that are now saved, unless the user typed on meanwhile.
      drafts.current[id] = Object.fromEntries(
        Object.entries(drafts.current[id] ?? {}).filter(([f, v]) => !Object.is(fields.get(f), v)),
      );
      replace([result.data]);
    }
    settled();
  }, [api, fail, replace, settled]);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(send);
    return queue.current;
  }, [send]);

  // Leaving the screen must not lose the last keystrokes.
  useEffect(() => () => void flush(), [flush]);

  // The setters below return the previous state when nothing changes, so React skips the re-render: most
  // keystrokes change neither a field's message nor the status line.
  const setError = (row: Row, field: string, message: string | undefined) =>
    setErrors((e) => {
      const key = `${row.id}.${field}`;
      if (e[key] === message) return e;
      const rest = Object.fromEntries(Object.entries(e).filter(([k]) => k !== key));
      return message ? { ...rest, [key]: message } : rest;
    });
  const setSaveKind = (kind: 'saving' | 'saved' | 'invalid') =>
    setSaveState((current) => (current.kind === kind ? current : { kind }));

  const edit = useCallback(
    (row: Row, field: string, value: unknown) => {
      const parsed = rowFieldSchema(row.entity, field).safeParse(value);
      if (parsed.success) {
        const fields = pending.current.get(row.id) ?? new Map<string, unknown>();
        pending.current.set(row.id, fields.set(field, parsed.data));
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
      } else pending.current.get(row.id)?.delete(field);
      drafts.current[row.id] = { ...drafts.current[row.id], [field]: value };
      setError(row, field, parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'validation.invalid'));
      // Never "saved" while an edit waits for its debounce: the status line must not claim what is not true.
      setSaveKind(parsed.success ? 'saving' : 'invalid');
      // Live summaries follow as a transition, which React renders without holding up the next keystroke.
      startTransition(() => setTyped((n) => n + 1));
    },
    [flush],
  );

  const reject = useCallback((row: Row, field: string, message: string) => {
    pending.current.get(row.id)?.delete(field);
    setError(row, field, message);
    setSaveKind('invalid');
  }, []);

  const create = useCallback(
    async (input: NewRowInput[]) => {
      await flush();
      const result = await api['rows.create']({ planId: plan.id, rows: input });
      if (!result.ok) {
        fail(result.error);
        return null;
      }
      replace(result.data);
      settled();
      return result.data;
    },
    [api, fail, flush, plan.id, replace, settled],
  );

  const remove = useCallback(
    async (row: Row, what: string) => {
      await flush();
      const result = await api['rows.delete']({ id: row.id });
      if (!result.ok) return fail(result.error);
      // The row and everything below it.
      setRows((current) => {
        const gone = new Set([row.id]);
        for (let grew = true; grew;) {
          grew = false;
          for (const r of current)
            if (r.parentId && gone.has(r.parentId) && !gone.has(r.id)) {
              gone.add(r.id);
              grew = true;
            }
        }
        return current.filter((r) => !gone.has(r.id));
      });
      shell.notify({ text: t('rows.deleted', { what }), undo: true });
    },
    [api, fail, flush, shell, t],
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

  const optionsRow = rows.find((r) => r.entity === 'planOptions');
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
  // check on Next judges what is on screen, not what the last save returned. Read at call time from the ref.
  const shown = useCallback(
    (list: readonly Row[]) =>
      list.map((r) => (drafts.current[r.id] ? { ...r, data: { ...r.data, ...drafts.current[r.id] } } : r)),
    [],
  );

  const value: PlanData = useMemo(
    () => ({
      plan,
      get rows() {
        return shown(rowsRef.current);
      },
      options: { ...ROW_DEFAULTS.planOptions, ...(optionsRow?.data as Partial<RowData<'planOptions'>>) },
      officeOf: (actor) => (actor === officeId ? null : (names.get(actor) ?? actor.slice(0, 8))),
      list: (entity, parentId) =>
        shown(
          rowsRef.current.filter((r) => r.entity === entity && (parentId === undefined || r.parentId === parentId)),
        ),
      value: (row, field) => {
        const typed = drafts.current[row.id];
        return typed && field in typed ? typed[field] : row.data[field];
      },
      error: (rowId, field) => errors[`${rowId}.${field}`],
      edit,
      reject,
      flush,
      create,
      remove,
      move,
      setOption,
    }),
    [plan, rows, shown, optionsRow, officeId, names, errors, edit, reject, flush, create, remove, move, setOption],
  );
  return (
    <PlanDataContext.Provider value={value}>
      <SaveStateContext.Provider value={saveState}>
        <TypedContext.Provider value={typed}>{children}</TypedContext.Provider>
      </SaveStateContext.Provider>
    </PlanDataContext.Provider>
  );
}

const TypedContext = createContext(0);

/** The autosave status has its own context: only the status line re-renders when it changes. */
const SaveStateContext = createContext<SaveState>({ kind: 'idle' });

export function usePlanSaveState(): SaveState {
  return useContext(SaveStateContext);
}

/**
 * For a summary that must follow typing before the autosave (the remaining weight of a SWOT letter): the
 * component re-renders on every keystroke, as a transition. Everything else updates when a save returns.
 */
export function useLiveDrafts(): void {
  useContext(TypedContext);
}
