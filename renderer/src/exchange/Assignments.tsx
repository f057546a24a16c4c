import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Assignments as AssignmentsSchema,
  type Assignment,
  type ExchangeStatus,
} from '../../../main/core/exchange/api.ts';
import { OfficeCode } from '../../../main/core/exchange/identity.ts';
import type { Row } from '../../../main/core/rows.ts';
import { useApi } from '../ApiContext.tsx';
import { Field } from '../components/Field.tsx';
import { useShell } from '../shell.ts';
import { exchangeErrorText, type RowLabeler } from './labels.ts';

interface AssignmentsProps {
  status: ExchangeStatus;
  rows: readonly Row[];
  label: RowLabeler;
  onStatus(status: ExchangeStatus): void;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'invalid';
const OTHER = 'other';

const blank = (officeCode: string, officeName: string): Assignment => ({
  officeCode,
  officeName,
  factors: true,
  kpiIds: [],
  projectIds: [],
});

/** An office row's code as a package's sender is named (สปส. becomes สปส), or nothing when it cannot be one. */
const usableCode = (code: unknown) => OfficeCode.safeParse(code).data ?? '';

/**
 * The secretariat's word on who fills which parts, sent with the next plan package: per office its SWOT
 * factors, the KPIs whose figures it reports (this plan's and the previous plan's actuals) and its projects,
 * picked from the plan's own rows. Saved on every change (a tick at once, a typed code or name on leaving the
 * field) once every office has a valid, distinct code.
 */
export function AssignmentsEditor({ status, rows, label, onStatus }: AssignmentsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const id = useId();
  const [list, setList] = useState<Assignment[]>(status.assignments);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>('idle');
  const [adding, setAdding] = useState<string | null>(null);

  const offices = rows.filter((r) => r.entity === 'office');
  const kpis = rows.filter((r) => r.entity === 'kpi' || r.entity === 'prevKpi');
  const projects = rows.filter((r) => r.entity === 'project');
  const unassigned = offices.filter((o) => !list.some((a) => a.officeName === String(o.data.name ?? '')));
  // The next office of the plan's list is offered first; "another office" comes last.
  const choice = adding ?? unassigned[0]?.id ?? OTHER;

  const check = (next: Assignment[]): Record<string, string> => {
    const found: Record<string, string> = {};
    // Compared as they will be saved: สปส. and สปส are one office.
    const codes = next.map((a) => OfficeCode.safeParse(a.officeCode).data);
    next.forEach((a, i) => {
      if (a.officeCode.trim() === '') found[`${i}.officeCode`] = 'validation.required';
      else if (codes[i] === undefined) found[`${i}.officeCode`] = 'exchange.identity.codeInvalid';
      else if (codes.indexOf(codes[i]) < i) {
        found[`${i}.officeCode`] = 'exchange.ui.assign.duplicateCode';
      }
      if (a.officeName.trim() === '') found[`${i}.officeName`] = 'validation.required';
    });
    return found;
  };

  const commit = async (next: Assignment[]) => {
    const found = check(next);
    setErrors(found);
    if (Object.keys(found).length > 0) return setSave('invalid');
    const parsed = AssignmentsSchema.safeParse(next);
    if (!parsed.success) return setSave('invalid');
    setSave('saving');
    const result = await api['exchange.setAssignments']({ planId: status.planId, assignments: parsed.data });
    if (!result.ok) {
      setSave('idle');
      return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
    }
    setSave('saved');
    onStatus(result.data);
  };

  /** Typing changes the list only; leaving the field (or a tick) saves. */
  const change = (i: number, patch: Partial<Assignment>, andSave: boolean) => {
    const next = list.map((a, j) => (j === i ? { ...a, ...patch } : a));
    setList(next);
    if (andSave) void commit(next);
  };
  const toggle = (ids: readonly string[], rowId: string, on: boolean) =>
    on ? [...ids, rowId] : ids.filter((x) => x !== rowId);

  const add = () => {
    const office = offices.find((o) => o.id === choice);
    const next = [
      ...list,
      office ? blank(usableCode(office.data.code), String(office.data.name ?? '')) : blank('', ''),
    ];
    setList(next);
    setAdding(null);
    void commit(next);
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('exchange.ui.assign.heading')}</h2>
      <p className="muted">{t('exchange.ui.assign.hint')}</p>
      <p className={`save-status save-${save}`} role="status" aria-live="polite">
        {save === 'idle' ? '' : t(`exchange.ui.assign.save.${save}`)}
      </p>
      {list.length === 0 && <p className="muted">{t('exchange.ui.assign.empty')}</p>}
      <ol className="assignment-list">
        {list.map((a, i) => {
          const title = a.officeName.trim() || t('exchange.ui.assign.newOffice');
          return (
            <li key={i} className="assignment">
              <fieldset>
                <legend>{title}</legend>
                <div className="identity-fields">
                  <Field
                    label={t('exchange.ui.identity.code')}
                    value={a.officeCode}
                    error={errors[`${i}.officeCode`]}
                    onChange={(v) => change(i, { officeCode: v }, false)}
                    onBlur={() => void commit(list)}
                  />
                  <Field
                    label={t('exchange.ui.identity.name')}
                    value={a.officeName}
                    error={errors[`${i}.officeName`]}
                    onChange={(v) => change(i, { officeName: v }, false)}
                    onBlur={() => void commit(list)}
                  />
                </div>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={a.factors}
                    onChange={(e) => change(i, { factors: e.target.checked }, true)}
                  />
                  {t('exchange.ui.assign.factors')}
                </label>
                <Picker
                  legend={t('exchange.ui.assign.kpis', { count: a.kpiIds.length })}
                  empty={t('exchange.ui.assign.noKpis')}
                  rows={kpis}
                  chosen={a.kpiIds}
                  label={label}
                  onToggle={(rowId, on) => change(i, { kpiIds: toggle(a.kpiIds, rowId, on) }, true)}
                />
                <Picker
                  legend={t('exchange.ui.assign.projects', { count: a.projectIds.length })}
                  empty={t('exchange.ui.assign.noProjects')}
                  rows={projects}
                  chosen={a.projectIds}
                  label={label}
                  onToggle={(rowId, on) => change(i, { projectIds: toggle(a.projectIds, rowId, on) }, true)}
                />
                <div className="actions">
                  <button
                    type="button"
                    className="danger-link"
                    onClick={() => {
                      const next = list.filter((_, j) => j !== i);
                      setList(next);
                      void commit(next);
                    }}
                  >
                    {t('exchange.ui.assign.remove', { office: title })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="assignment-add">
        <div className="field">
          <label htmlFor={`${id}-add`}>{t('exchange.ui.assign.addLabel')}</label>
          <select id={`${id}-add`} value={choice} onChange={(e) => setAdding(e.target.value)}>
            {unassigned.map((o) => (
              <option key={o.id} value={o.id}>
                {[o.data.code, o.data.name].filter(Boolean).join(' ')}
              </option>
            ))}
            <option value={OTHER}>{t('exchange.ui.assign.otherOffice')}</option>
          </select>
        </div>
        <button type="button" onClick={add}>
          {t('exchange.ui.assign.add')}
        </button>
      </div>
    </section>
  );
}

interface PickerProps {
  legend: string;
  empty: string;
  rows: readonly Row[];
  chosen: readonly string[];
  label: RowLabeler;
  onToggle(rowId: string, on: boolean): void;
}

/** Rows to tick, folded away until needed: a plan has dozens of KPIs and fifty offices each get a list. */
function Picker({ legend, empty, rows, chosen, label, onToggle }: PickerProps) {
  // By their numbers (1.1.1 before 1.1.2 before 2.1.1), this plan's before the previous plan's.
  const named = rows
    .map((r) => ({ id: r.id, name: label(r.entity, r.id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'th', { numeric: true }));
  return (
    <details className="picker">
      <summary>{legend}</summary>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <fieldset>
          <legend className="visually-hidden">{legend}</legend>
          {named.map((r) => (
            <label key={r.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(r.id)}
                onChange={(e) => onToggle(r.id, e.target.checked)}
              />
              {r.name}
            </label>
          ))}
        </fieldset>
      )}
    </details>
  );
}
