import { useId, useState, type ReactNode } from 'react';
import type { Row } from '../../../../main/core/rows.ts';
import { usePlanData } from '../../plan/PlanData.tsx';

/**
 * Links from a row to other rows (a strategy's TOWS strategies and factors, a project's KPIs), kept as a list
 * of ids in one field and picked with checkboxes: a native, labelled control per choice, so Tab and Space do
 * everything. Own state: a ticked box shows at once, before the (deferred) plan-wide update.
 */
export function usePicks(row: Row, field: 'towsStrategyIds' | 'factorIds' | 'kpiIds') {
  const data = usePlanData();
  const [picked, setPicked] = useState<readonly string[]>(() => (data.value(row, field) as string[] | undefined) ?? []);
  const set = (next: readonly string[]) => {
    setPicked(next);
    data.edit(row, field, [...next]);
    void data.flush();
  };
  return {
    picked: new Set(picked),
    /** Tick or untick one id; the others keep their order. */
    toggle: (id: string, on: boolean) =>
      set(on ? [...picked.filter((p) => p !== id), id] : picked.filter((p) => p !== id)),
    /** Add ids not yet picked. */
    add: (ids: readonly string[]) => set([...picked, ...ids.filter((id) => !picked.includes(id))]),
  };
}

export interface PickOption {
  readonly id: string;
  readonly label: ReactNode;
}

/** One group of choices under its legend. */
export function PickGroup({
  legend,
  options,
  picked,
  toggle,
}: {
  legend: string;
  options: readonly PickOption[];
  picked: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
}) {
  return (
    <fieldset className="pick-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="check pick-option">
          <input type="checkbox" checked={picked.has(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Choices shown on request: a plan of 500 factors would otherwise draw 500 checkboxes under every strategy.
 * A button with aria-expanded, as the date picker, opens and closes the region.
 */
export function Expander({ label, children }: { label: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="pick-more">
      <button type="button" className="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      <div id={id} hidden={!open}>
        {open && children()}
      </div>
    </div>
  );
}
