import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../main/core/errors.ts';
import { PLAN_FIELDS, type Plan, type PlanField, type PlanFieldEdit } from '../../main/core/plan.ts';
import { useApi } from './ApiContext.tsx';
import { countsText } from './plan/descendants.ts';
import { useShell } from './shell.ts';
import { planFieldErrors, toDraft, toFormValues, validateForm, YEAR_FIELDS, type FieldErrors } from './planForm.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /**
   * Something typed is invalid and stays unsent until fixed: `count` fields, the first typed at `at` (a route
   * hash), where the screen knows them.
   */
  | { kind: 'invalid'; count?: number; at?: string }
  | { kind: 'failed'; error: AppErrorShape };

const DEBOUNCE_MS = 400;

/**
 * Autosave of a plan's fields: each change is validated with core's rules, then the changed fields are sent
 * in one plans.update, 400 ms after typing stops or at once on blur. Invalid values are never sent. Saves run one
 * at a time, in order, so a slow save cannot overwrite a newer one.
 */
export function useAutosave(initial: Plan) {
  const api = useApi();
  const shell = useShell();
  const [plan, setPlan] = useState(initial);
  const [values, setValues] = useState(() => toFormValues(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saved = useRef(initial);
  const current = useRef(values);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const save = useCallback(async () => {
    const draft = toDraft(current.current);
    const found = validateForm(current.current);
    // A period rule spans four fields: while any of them is flagged, none of them is sent.
    const periodBlocked = YEAR_FIELDS.some((f) => found[f]);
    const dirty = PLAN_FIELDS.filter((f) => draft[f] !== saved.current[f]);
    const pending = dirty.filter((f) => !found[f] && !(periodBlocked && YEAR_FIELDS.includes(f)));
    const unsendable = dirty.length > pending.length;
    if (pending.length === 0) {
      if (unsendable) setState({ kind: 'invalid' });
      return;
    }
    setState({ kind: 'saving' });
    // All pending fields in one call: main checks them together, so a period can move in any typing order.
    const result = await api['plans.update']({
      id: initial.id,
      edits: pending.map((field) => ({ field, value: draft[field] }) as PlanFieldEdit),
    });
    if (result.ok) {
      const { dropped, ...stored } = result.data;
      saved.current = stored;
      setPlan(stored);
      // The new years dropped the targets, budgets or results of the years left out, in the same action.
      if (dropped.length > 0) {
        shell.notify({
          text: (tt) => tt('workspace.yearsDropped', { children: countsText(tt, dropped) }),
          undo: true,
          planId: stored.id,
        });
      }
      // Typing went on while this save was on its way: that edit's own save will report.
      const stillDirty = PLAN_FIELDS.some((f) => toDraft(current.current)[f] !== result.data[f]);
      setState({ kind: unsendable ? 'invalid' : stillDirty ? 'saving' : 'saved' });
    } else {
      setErrors((prev) => ({ ...prev, ...planFieldErrors(result.error.fields) }));
      setState({ kind: 'failed', error: result.error });
    }
  }, [api, initial.id, shell]);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(save);
    return queue.current;
  }, [save]);

  const change = useCallback(
    (field: PlanField, text: string) => {
      const next = { ...current.current, [field]: text };
      current.current = next;
      setValues(next);
      setErrors(validateForm(next));
      // Until the debounced save has run, nothing typed is saved: say so at once.
      setState({ kind: 'saving' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  // Leaving the editor must not lose the last keystrokes.
  useEffect(() => () => void flush(), [flush]);

  return { plan, values, errors, state, change, flush };
}
