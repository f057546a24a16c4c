import { useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  officeQuarters,
  openReminders,
  type OfficeQuarter,
  type ReportingOffice,
} from '../../../../main/core/arrivals.ts';
import type { Assignment } from '../../../../main/core/exchange/api.ts';
import { quarterDue, QUARTERS, type Quarter } from '../../../../main/core/monitoring.ts';
import { monitoringRows } from '../../../../main/core/monitoringPlan.ts';
import { numbering } from '../../../../main/core/planContent.ts';
import { FieldShell } from '../../components/FieldShell.tsx';
import { officeLabel as exchangeOfficeLabel } from '../../exchange/labels.ts';
import { formatDate, formatList } from '../../format.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowNumber } from '../../plan/RowFields.tsx';
import { nameOf } from '../../plan/names.ts';
import '../../plan/tables.css';
import { today } from './AdoptStep.tsx';
import { PeriodPicker, quarterName, usePeriod } from './period.tsx';
import { ThaiText } from '../../thai/ThaiText.tsx';
import { StatusLoading, unsentRowIds, useStepStatus, type StepStatus } from './status.tsx';
import './monitoring.css';

/**
 * The secretariat's view of offices' reporting (core/arrivals.ts): per office assigned KPIs or projects and per
 * quarter of the chosen fiscal year, how many have that quarter's results, and who is late; the number of days
 * after a quarter's end by which it is due (the plan's, 15 by default); and reminders, which go to the offices
 * in the next plan package.
 */
export function ArrivalsStep() {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  const [step, asking] = useStepStatus();
  const [period, setPeriod] = usePeriod();
  const options = data.list('planOptions')[0];
  const dueDays = data.options.reportDueDays;
  // The plan's rows indexed once per change of them, for the four quarters' arrivals.
  const index = useMemo(() => monitoringRows(data.rows), [data.rows]);
  if (step === null) return <StatusLoading />;
  const { status } = step;
  const offices: readonly ReportingOffice[] = status.assignments;
  const quarters = QUARTERS.map((q) =>
    officeQuarters(offices, index, { fiscalYear: period.year, quarter: q }, today(), dueDays),
  );
  const chosen = quarters[period.quarter - 1]!;
  return (
    <>
      {asking}
      <p className="hint">{t('monitoring.arrivals.hint', { days: dueDays })}</p>
      {options && (
        <div className="field-row period-picker">
          <RowNumber row={options} field="reportDueDays" label={t('monitoring.arrivals.dueDays')} />
        </div>
      )}
      <PeriodPicker period={period} onChange={setPeriod} withQuarter />
      {offices.length === 0 ? (
        <p className="muted">{t('monitoring.arrivals.noAssignments')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table arrivals-table">
            <caption>{t('monitoring.arrivals.caption', { year: period.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.arrivals.office')}</th>
                {QUARTERS.map((q) => (
                  <th key={q} scope="col">
                    {quarterName(t, q)}
                    <span className="table-note">
                      <ThaiText
                        text={t('monitoring.arrivals.dueOn', {
                          date: formatDate(quarterDue({ fiscalYear: period.year, quarter: q }, dueDays), i18n.language),
                        })}
                      />
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {offices.map((office, row) => (
                <tr key={office.officeCode}>
                  <th scope="row" className="table-row-name">
                    {officeLabel(t, office)}
                  </th>
                  {quarters.map((q, i) => (
                    <td key={i}>
                      <StateText standing={q[row]!} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Missing standings={chosen} />
      {status.identity?.role === 'secretariat' && offices.length > 0 && (
        // Keyed by the quarter: another quarter starts with its own late offices ticked.
        <ReminderForm
          key={`${period.year}:${period.quarter}`}
          standings={chosen}
          offices={offices}
          year={period.year}
          quarter={period.quarter}
        />
      )}
    </>
  );
}

/**
 * An office by name and code, wherever offices are listed: two offices may share a name (two bureaus'
 * ฝ่ายประชาสัมพันธ์), and a reminder may name an office no longer assigned, known by its code alone.
 */
export function officeLabel(t: TFunction, office: { readonly officeName?: string; readonly officeCode: string }) {
  return office.officeName === undefined
    ? office.officeCode
    : exchangeOfficeLabel(t, { name: office.officeName, code: office.officeCode });
}

/** An office with its state ("… (1030) — ล่าช้า"): a dash, not a second pair of brackets after the code's. */
function officeState(t: TFunction, standing: OfficeQuarter) {
  return t('monitoring.arrivals.officeState', {
    office: officeLabel(t, standing),
    state: t(`monitoring.arrivals.state.${standing.state}`),
  });
}

/** The state in words (never colour alone) with how many of the office's KPIs and projects are in. */
export function StateText({ standing }: { standing: OfficeQuarter }) {
  const { t } = useTranslation();
  return (
    <span className={`arrival arrival-${standing.state}`}>
      <ThaiText text={t(`monitoring.arrivals.state.${standing.state}`)} />
      {standing.state !== 'unassigned' && (
        <span className="hint">
          {' '}
          {t('monitoring.arrivals.count', { arrived: standing.arrived, expected: standing.expected })}
        </span>
      )}
    </span>
  );
}

/** What each office still owes for the chosen quarter, by the plan's numbers and names. */
function Missing({ standings }: { standings: readonly OfficeQuarter[] }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const owing = standings.filter((s) => s.missing.length > 0);
  if (owing.length === 0) return null;
  const numbers = numbering(data.rows);
  const byId = new Map(data.rows.map((r) => [r.id, r]));
  const label = (id: string) => {
    const row = byId.get(id);
    const kind = row?.entity === 'project' ? t('monitoring.project') : t('monitoring.kpi');
    return `${kind} ${numbers.get(id) ?? ''} ${row ? nameOf(row) : ''}`.trim();
  };
  return (
    <section aria-label={t('monitoring.arrivals.missingHeading')}>
      <h3>{t('monitoring.arrivals.missingHeading')}</h3>
      <ul>
        {owing.map((s) => (
          <li key={s.officeCode}>
            <strong>{officeState(t, s)}</strong>: {s.missing.map(label).join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A reminder to the offices that have not sent the quarter (the late ones ticked), sent with the plan package;
 * below it the reminders sent so far, naming the offices as the plan does.
 */
function ReminderForm({
  standings,
  offices,
  year,
  quarter,
}: {
  standings: readonly OfficeQuarter[];
  offices: readonly ReportingOffice[];
  year: number;
  quarter: Quarter;
}) {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  const owing = standings.filter((s) => s.state === 'late' || s.state === 'pending');
  const [picked, setPicked] = useState(() => new Set(owing.filter((s) => s.state === 'late').map((s) => s.officeCode)));
  const [message, setMessage] = useState('');
  const [done, setDone] = useState(false);
  const messageId = useId();
  const sent = data.list('reminder').filter((r) => r.data.year === year && r.data.quarter === quarter);
  // An office no longer assigned keeps its code, the only name the reminder holds.
  const names = new Map(offices.map((o) => [o.officeCode, o.officeName]));
  const named = (code: string) => officeLabel(t, { officeCode: code, officeName: names.get(code) });
  const send = async () => {
    const text = message.trim() || t('monitoring.arrivals.defaultMessage', { quarter: quarterName(t, quarter), year });
    const made = await data.create([
      { entity: 'reminder', values: { year, quarter, officeCodes: [...picked], message: text, sentOn: today() } },
    ]);
    if (made) {
      setMessage('');
      setDone(true);
    }
  };
  return (
    <section aria-label={t('monitoring.arrivals.remindHeading')}>
      <h3>{t('monitoring.arrivals.remindHeading')}</h3>
      {owing.length === 0 ? (
        <p className="muted">{t('monitoring.arrivals.nobodyOwes')}</p>
      ) : (
        <>
          <fieldset>
            <legend>{t('monitoring.arrivals.remindWho', { quarter: quarterName(t, quarter), year })}</legend>
            {owing.map((s) => (
              <label key={s.officeCode} className="check">
                <input
                  type="checkbox"
                  checked={picked.has(s.officeCode)}
                  onChange={(e) => {
                    const next = new Set(picked);
                    if (e.target.checked) next.add(s.officeCode);
                    else next.delete(s.officeCode);
                    setPicked(next);
                    setDone(false);
                  }}
                />{' '}
                {officeState(t, s)}
              </label>
            ))}
          </fieldset>
          <FieldShell id={messageId} label={t('monitoring.arrivals.message')} error={undefined}>
            <textarea
              id={messageId}
              rows={2}
              value={message}
              placeholder={t('monitoring.arrivals.defaultMessage', { quarter: quarterName(t, quarter), year })}
              onChange={(e) => setMessage(e.target.value)}
            />
          </FieldShell>
          <button type="button" disabled={picked.size === 0} onClick={() => void send()}>
            {t('monitoring.arrivals.remind')}
          </button>
          {done && <p role="status">{t('monitoring.arrivals.reminded')}</p>}
        </>
      )}
      {sent.length > 0 && (
        <ul>
          {sent.map((r) => (
            <li key={r.id}>
              {t('monitoring.arrivals.sentEntry', {
                date: formatDate(String(r.data.sentOn), i18n.language),
                offices: formatList((r.data.officeCodes as string[]).map(named), i18n.language),
                message: String(r.data.message),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Says that the table shows the office's own KPIs or projects only, and how many of the plan's. */
export function OwnPartsNote({ own, shown, total, kind }: OwnPartsProps) {
  const { t } = useTranslation();
  if (!own) return null;
  const values = { office: own.officeName, shown, total };
  return (
    <p className="notice" role="note">
      <ThaiText text={t(shown === 0 ? `monitoring.own.none.${kind}` : `monitoring.own.some.${kind}`, values)} />
    </p>
  );
}
interface OwnPartsProps {
  own: Assignment | null;
  shown: number;
  total: number;
  kind: 'kpis' | 'projects';
}

/**
 * What an office sees in its monitoring steps: the secretariat's reminders addressed to it for quarters whose
 * results have not all reached the secretariat (core/arrivals.ts openReminders); once they are all entered,
 * the notice says they wait to be sent. Results just typed count as not sent (unsentRowIds), so the notice
 * does not vanish as if they had arrived.
 */
export function ReminderNotices({ step }: { step: StepStatus }) {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  const { status } = step;
  const code = status.identity?.role === 'contributor' ? status.identity.code : null;
  const office = status.assignments.find((a) => a.officeCode === code);
  if (!office) return null;
  const rows = data.rows;
  const open = openReminders(data.list('reminder'), office, rows, unsentRowIds(step, rows));
  return (
    <>
      {open.map(({ reminder: r, entered }) => (
        <p key={r.id} className="notice" role="note">
          {t('monitoring.arrivals.reminderNotice', {
            quarter: quarterName(t, r.data.quarter as Quarter),
            year: r.data.year as number,
            date: formatDate(String(r.data.sentOn), i18n.language),
            message: String(r.data.message),
          })}
          {entered && <> {t('monitoring.arrivals.enteredNotSent')}</>}
        </p>
      ))}
    </>
  );
}
