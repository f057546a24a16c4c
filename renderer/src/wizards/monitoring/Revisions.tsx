import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../main/core/errors.ts';
import { parseNumberCell } from '../../../../main/core/paste.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { formatThaiDate } from '../../../../main/core/thaiDate.ts';
import { FieldShell, fieldAria } from '../../components/FieldShell.tsx';
import { Modal } from '../../components/Modal.tsx';
import { errorText, formatAmount } from '../../format.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { today } from './AdoptStep.tsx';
import './monitoring.css';

/**
 * Revisions of an adopted plan's targets (core/revision.ts), in the goals wizard's targets step: a notice that
 * targets are frozen, a "revise" button per KPI opening a dialog (what, the new value, the reason; dated
 * today) and, under each goal's table, the revisions made so far: old → new, date, reason, who.
 */

/** A KPI's number-valued frozen values that are set: each of its yearly targets, its period target, its baseline. */
function revisable(kpi: Row, targets: readonly Row[]): { row: Row; field: string; year?: number }[] {
  const own = (['periodTarget', 'baselineValue'] as const)
    .filter((field) => typeof kpi.data[field] === 'number')
    .map((field) => ({ row: kpi, field }));
  const yearly = targets
    .filter((r) => typeof r.data.target === 'number')
    .sort((a, b) => Number(a.data.year) - Number(b.data.year))
    .map((row) => ({ row, field: 'target', year: Number(row.data.year) }));
  return [...yearly, ...own];
}

export function AdoptedNotice() {
  const { t } = useTranslation();
  const { options } = usePlanData();
  if (!options.adoptedOn) return null;
  return <p className="notice">{t('monitoring.revision.frozenNotice', { date: formatThaiDate(options.adoptedOn) })}</p>;
}

/** The button that opens the revision dialog of one KPI; nothing before adoption or with nothing set yet. */
export function ReviseButton({ kpi, name }: { kpi: Row; name: string }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const [open, setOpen] = useState(false);
  const choices = revisable(kpi, data.list('kpiTarget', kpi.id));
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

function ReviseDialog({
  name,
  choices,
  onClose,
}: {
  name: string;
  choices: ReturnType<typeof revisable>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const data = usePlanData();
  const [choice, setChoice] = useState(0);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field: 'value' | 'reason'; message: string } | null>(null);
  const [failed, setFailed] = useState<AppErrorShape | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const ids = { what: useId(), value: useId(), reason: useId() };
  const chosen = choices[choice]!;
  const current = chosen.row.data[chosen.field] as number;
  const unit = String(
    data.list('kpi').find((k) => k.id === (chosen.row.parentId ?? ''))?.data.unit ?? chosen.row.data.unit ?? '',
  );

  const submit = async () => {
    const parsed = parseNumberCell(text);
    if (!parsed.ok || parsed.value === null)
      return setProblem({ field: 'value', message: parsed.ok ? 'validation.number' : parsed.message });
    if (reason.trim() === '') return setProblem({ field: 'reason', message: 'monitoring.revision.reasonRequired' });
    const error = await data.revise(chosen.row, {
      field: chosen.field,
      value: parsed.value,
      reason,
      revisedOn: today(),
    });
    if (!error) return onClose();
    const fieldMessage = error.fields?.[chosen.field] ?? error.fields?.reason;
    if (fieldMessage) setProblem({ field: error.fields?.reason ? 'reason' : 'value', message: fieldMessage });
    else setFailed(error);
  };

  return createPortal(
    <Modal title={t('monitoring.revision.title', { kpi: name })} initialFocus={cancel} onEscape={onClose}>
      <p className="hint">{t('monitoring.revision.hint')}</p>
      <FieldShell id={ids.what} label={t('monitoring.revision.what')} error={undefined}>
        <select id={ids.what} value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
          {choices.map((c, i) => (
            <option key={`${c.row.id}:${c.field}`} value={i}>
              {fieldName(t, c.field, c.year)}: {formatAmount(c.row.data[c.field] as number)}
            </option>
          ))}
        </select>
      </FieldShell>
      <FieldShell
        id={ids.value}
        label={t('monitoring.revision.newValue', { current: formatAmount(current) })}
        error={problem?.field === 'value' ? problem.message : undefined}
        values={{ unit }}
      >
        <input
          id={ids.value}
          inputMode="decimal"
          value={text}
          {...fieldAria(ids.value, problem?.field === 'value' ? problem.message : undefined)}
          onChange={(e) => setText(e.target.value)}
        />
      </FieldShell>
      <FieldShell
        id={ids.reason}
        label={t('monitoring.revision.reason')}
        error={problem?.field === 'reason' ? problem.message : undefined}
      >
        <textarea
          id={ids.reason}
          rows={3}
          value={reason}
          {...fieldAria(ids.reason, problem?.field === 'reason' ? problem.message : undefined)}
          onChange={(e) => setReason(e.target.value)}
        />
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
    </Modal>,
    document.body,
  );
}

function fieldName(t: ReturnType<typeof useTranslation>['t'], field: string, year?: number): string {
  return year === undefined ? t(`monitoring.revision.field.${field}`) : t('monitoring.revision.field.target', { year });
}

/** The revisions of these KPIs (and their yearly targets), oldest first: what changed, from → to, when, why, who. */
export function RevisionList({ kpis, numbers }: { kpis: readonly Row[]; numbers: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const byId = new Map(data.rows.map((r) => [r.id, r]));
  const kpiOf = (row: Row | undefined) => (row?.entity === 'kpiTarget' ? byId.get(row.parentId ?? '') : row);
  const ids = new Set(kpis.map((k) => k.id));
  const revisions = data
    .list('revision')
    .filter((r) => ids.has(kpiOf(byId.get(r.parentId ?? ''))?.id ?? ''))
    .sort((a, b) => String(a.data.revisedOn).localeCompare(String(b.data.revisedOn)));
  if (revisions.length === 0) return null;
  const shown = (v: unknown) => (typeof v === 'number' ? formatAmount(v) : String(v ?? '–'));
  return (
    <div className="revision-list">
      <h5>{t('monitoring.revision.listHeading')}</h5>
      <ul>
        {revisions.map((r) => {
          const revised = byId.get(r.parentId ?? '');
          const kpi = kpiOf(revised);
          const year = revised?.entity === 'kpiTarget' ? Number(revised.data.year) : undefined;
          return (
            <li key={r.id}>
              {t('monitoring.revision.entry', {
                kpi: numbers.get(kpi?.id ?? '') ?? '',
                field: fieldName(t, String(r.data.field), year),
                from: shown(r.data.from),
                to: shown(r.data.to),
                date: formatThaiDate(String(r.data.revisedOn)),
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
