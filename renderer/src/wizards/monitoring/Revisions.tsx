import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../main/core/errors.ts';
import { RESULT_MODES } from '../../../../main/core/monitoring.ts';
import { parseNumberCell } from '../../../../main/core/paste.ts';
import { isSet, type FrozenField } from '../../../../main/core/revision.ts';
import { Direction, type Row } from '../../../../main/core/rows.ts';
import { parseThaiDate } from '../../../../main/core/thaiDate.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FieldShell, fieldAria } from '../../components/FieldShell.tsx';
import { Modal } from '../../components/Modal.tsx';
import { errorText, formatDate, shownValue, typedDate } from '../../format.ts';
import { usePlanActions, usePlanData } from '../../plan/PlanData.tsx';
import { today } from './AdoptStep.tsx';
import './monitoring.css';

/**
 * Revisions of an adopted plan (core/revision.ts), where the frozen values are shown: a notice that they are
 * frozen; a "revise" button at a KPI's or project's name opening a dialog (which value, the new value, the
 * reason, the day it takes effect: today unless changed); and, under the tables, the revisions made so far:
 * old → new, date, reason, who. Each step offers the values it shows: targets and baseline in the targets
 * step; unit, direction and baseline in the KPIs step; the result mode in the results step; budgets per year.
 */

type T = ReturnType<typeof useTranslation>['t'];

/** One frozen value a person may revise: the row holding it, its field, and the year of a yearly one. */
interface Choice {
  readonly row: Row;
  readonly field: FrozenField;
  readonly year?: number;
}

/** The fields a step shows of a KPI (besides the yearly targets) and of a project (its yearly budgets). */
export type RevisableField = Exclude<FrozenField, 'amount'>;

/** The set frozen values of a KPI or project among `fields` (an empty one is filled in, not revised). */
function revisable(item: Row, years: readonly Row[], fields: readonly string[]): Choice[] {
  const yearly = years
    .filter((r) => fields.includes(r.entity === 'kpiTarget' ? 'target' : 'amount'))
    .map((row) => ({ row, field: (row.entity === 'kpiTarget' ? 'target' : 'amount') as FrozenField }))
    .filter(({ row, field }) => typeof row.data[field] === 'number')
    .sort((a, b) => Number(a.row.data.year) - Number(b.row.data.year))
    .map((c) => ({ ...c, year: Number(c.row.data.year) }));
  const own = item.entity === 'kpi' ? (fields.filter((f) => f !== 'target') as FrozenField[]) : [];
  return [...yearly, ...own.filter((field) => isSet(item.data[field])).map((field) => ({ row: item, field }))];
}

export function AdoptedNotice() {
  const { t, i18n } = useTranslation();
  const { options } = usePlanData();
  if (!options.adoptedOn) return null;
  return (
    <p className="notice">
      {t('monitoring.revision.frozenNotice', { date: formatDate(options.adoptedOn, i18n.language) })}
    </p>
  );
}

/**
 * The button that opens the revision dialog of one KPI (the `fields` its step shows, 'target' for its yearly
 * targets) or one project (its yearly budgets); nothing before adoption or with nothing set yet.
 */
export function ReviseButton({
  item,
  name,
  fields,
}: {
  item: Row;
  name: string;
  fields: readonly (RevisableField | 'amount')[];
}) {
  const { t } = useTranslation();
  // Re-rendered with its table's row (which takes the year rows it shows), not by every save of the plan.
  const data = usePlanActions();
  const [open, setOpen] = useState(false);
  const years = data.list(item.entity === 'kpi' ? 'kpiTarget' : 'projectBudget', item.id);
  const choices = revisable(item, years, fields);
  if (!data.options.adoptedOn || choices.length === 0) return null;
  return (
    <>
      <button type="button" className="link" onClick={() => setOpen(true)}>
        {t('monitoring.revision.open')}
        <span className="visually-hidden"> {name}</span>
      </button>
      {open && <ReviseDialog name={name} choices={choices} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The choices of a field chosen from a list, as stored and as read. */
function optionsOf(t: T, field: FrozenField): { value: string; label: string }[] | null {
  if (field === 'direction') return Direction.options.map((v) => ({ value: v, label: t(`goals.directions.${v}`) }));
  if (field === 'resultMode') return RESULT_MODES.map((v) => ({ value: v, label: t(`monitoring.mode.${v}`) }));
  return null;
}

/** The new value as typed or chosen, or the problem's message key. */
function parseValue(field: FrozenField, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (field === 'unit' || field === 'direction' || field === 'resultMode') {
    return text.trim() === '' ? { ok: false, message: 'validation.required' } : { ok: true, value: text.trim() };
  }
  const parsed = parseNumberCell(text);
  if (!parsed.ok) return parsed;
  return parsed.value === null ? { ok: false, message: 'validation.number' } : { ok: true, value: parsed.value };
}

type Problem = { field: 'value' | 'reason' | 'date'; message: string };

function ReviseDialog({ name, choices, onClose }: { name: string; choices: readonly Choice[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  const [choice, setChoice] = useState(0);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(() => typedDate(today(), i18n.language));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failed, setFailed] = useState<AppErrorShape | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const ids = { what: useId(), value: useId(), reason: useId(), date: useId() };
  const chosen = choices[choice]!;
  const current = chosen.row.data[chosen.field];
  const listed = optionsOf(t, chosen.field);
  const owner = chosen.row.entity === 'kpiTarget' ? data.list('kpi').find((k) => k.id === chosen.row.parentId) : null;
  const unit = String((owner ?? chosen.row).data.unit ?? '');
  const shown = (field: string, value: unknown) => shownValue(t, i18n.language, field, value);
  const errorOf = (field: Problem['field']) => (problem?.field === field ? problem.message : undefined);

  const submit = async () => {
    const parsed = parseValue(chosen.field, listed && text === '' ? String(current) : text);
    if (!parsed.ok) return setProblem({ field: 'value', message: parsed.message });
    if (reason.trim() === '') return setProblem({ field: 'reason', message: 'monitoring.revision.reasonRequired' });
    const day = parseThaiDate(date);
    if (!day.ok) return setProblem({ field: 'date', message: day.message });
    const error = await data.revise(chosen.row, {
      field: chosen.field,
      value: parsed.value,
      reason,
      revisedOn: day.iso,
    });
    if (!error) return onClose();
    const at = error.fields?.revisedOn ? 'date' : error.fields?.reason ? 'reason' : 'value';
    const fieldMessage = error.fields?.[chosen.field] ?? error.fields?.reason ?? error.fields?.revisedOn;
    if (fieldMessage) setProblem({ field: at, message: fieldMessage });
    else setFailed(error);
  };

  return (
    <Modal title={t('monitoring.revision.title', { item: name })} initialFocus={cancel} onEscape={onClose}>
      <p className="hint">{t('monitoring.revision.hint')}</p>
      <FieldShell id={ids.what} label={t('monitoring.revision.what')} error={undefined}>
        <select
          id={ids.what}
          value={choice}
          onChange={(e) => {
            setChoice(Number(e.target.value));
            setText('');
            setProblem(null);
          }}
        >
          {choices.map((c, i) => (
            <option key={`${c.row.id}:${c.field}`} value={i}>
              {fieldName(t, c.field, c.year)}: {shown(c.field, c.row.data[c.field])}
            </option>
          ))}
        </select>
      </FieldShell>
      <FieldShell
        id={ids.value}
        label={t('monitoring.revision.newValue', { current: shown(chosen.field, current) })}
        error={errorOf('value')}
        values={{ unit }}
      >
        {listed ? (
          <select
            id={ids.value}
            value={text === '' ? String(current) : text}
            {...fieldAria(ids.value, errorOf('value'))}
            onChange={(e) => setText(e.target.value)}
          >
            {listed.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={ids.value}
            inputMode={chosen.field === 'unit' ? 'text' : 'decimal'}
            value={text}
            {...fieldAria(ids.value, errorOf('value'))}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FieldShell>
      <FieldShell id={ids.reason} label={t('monitoring.revision.reason')} error={errorOf('reason')}>
        <textarea
          id={ids.reason}
          rows={3}
          value={reason}
          {...fieldAria(ids.reason, errorOf('reason'))}
          onChange={(e) => setReason(e.target.value)}
        />
      </FieldShell>
      <FieldShell id={ids.date} label={t('monitoring.revision.revisedOn')} error={errorOf('date')}>
        <DateInput id={ids.date} text={date} error={errorOf('date')} onChange={setDate} />
      </FieldShell>
      {failed && (
        <p className="notice notice-error" role="alert">
          {errorText(t, failed)}
        </p>
      )}
      <div className="actions">
        <button ref={cancel} type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void submit()}>
          {t('monitoring.revision.save')}
        </button>
      </div>
    </Modal>
  );
}

/** A frozen field's name; a yearly target or budget names its year. */
function fieldName(t: T, field: string, year?: number): string {
  return t(`monitoring.revision.field.${field}`, { year });
}

/**
 * The revisions of these KPIs or projects (and of their yearly targets or budgets), by their day: the item,
 * what changed, from → to, when, why, who.
 */
export function RevisionList({ items, numbers }: { items: readonly Row[]; numbers: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  // Before adoption there are none: no map of every row per table (a plan has hundreds of tables).
  if (data.list('revision').length === 0) return null;
  const byId = new Map(data.rows.map((r) => [r.id, r]));
  const ownerOf = (row: Row | undefined) =>
    row?.entity === 'kpiTarget' || row?.entity === 'projectBudget' ? byId.get(row.parentId ?? '') : row;
  const ids = new Set(items.map((k) => k.id));
  const revisions = data
    .list('revision')
    .filter((r) => ids.has(ownerOf(byId.get(r.parentId ?? ''))?.id ?? ''))
    .sort((a, b) => String(a.data.revisedOn).localeCompare(String(b.data.revisedOn)));
  if (revisions.length === 0) return null;
  return (
    <div className="revision-list">
      <h5>{t('monitoring.revision.listHeading')}</h5>
      <ul>
        {revisions.map((r) => {
          const revised = byId.get(r.parentId ?? '');
          const owner = ownerOf(revised);
          const field = String(r.data.field);
          const year = revised && revised !== owner ? Number(revised.data.year) : undefined;
          return (
            <li key={r.id}>
              {t('monitoring.revision.entry', {
                item: `${t(owner?.entity === 'project' ? 'monitoring.project' : 'monitoring.kpi')} ${numbers.get(owner?.id ?? '') ?? ''}`,
                field: fieldName(t, field, year),
                from: shownValue(t, i18n.language, field, r.data.from),
                to: shownValue(t, i18n.language, field, r.data.to),
                date: formatDate(String(r.data.revisedOn), i18n.language),
                office: data.officeOf(r.createdBy) ?? t('rows.thisOffice'),
              })}{' '}
              <span className="muted">{t('monitoring.revision.reasonIs', { reason: String(r.data.reason) })}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
