import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Conflict, ConflictValue } from '../../../main/core/exchange/api.ts';
import type { OfficeIdentity } from '../../../main/core/exchange/identity.ts';
import { parseNumberCell } from '../../../main/core/paste.ts';
import { PlanFieldSchemas, type PlanField } from '../../../main/core/plan.ts';
import { isRowField, rowFieldSchema, type RowEntity, ROW_ENTITY_NAMES } from '../../../main/core/rows.ts';
import { useApi } from '../ApiContext.tsx';
import { formatDateTime } from '../format.ts';
import { useShell } from '../shell.ts';
import { cellValue, exchangeErrorText, fieldLabel, officeLabel, type RowLabeler } from './labels.ts';

interface ConflictsProps {
  planId: string;
  conflicts: readonly Conflict[];
  identity: OfficeIdentity;
  label: RowLabeler;
  /** After a resolution: the plan, its conflicts and counts changed. */
  onResolved(): void;
}

/**
 * Fields two offices changed without seeing each other's edit: every value side by side with its office and
 * B.E. date and time, the one the plan shows now marked. Choosing one, or typing a new one, writes it as this
 * office's edit, which supersedes them all here and wherever the next package goes.
 * Until then nothing is dropped: the plan shows the latest, and the others stay listed here.
 */
export function Conflicts({ planId, conflicts, identity, label, onResolved }: ConflictsProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-h`} id="conflicts" tabIndex={-1}>
      <h2 id={`${id}-h`}>{t('exchange.ui.conflicts.heading', { count: conflicts.length })}</h2>
      <p className="muted">{t('exchange.ui.conflicts.hint')}</p>
      <ol className="conflict-list">
        {conflicts.map((c) => (
          <ConflictItem
            key={`${c.entity}:${c.rowId}:${c.field}`}
            planId={planId}
            conflict={c}
            identity={identity}
            label={label}
            onResolved={onResolved}
          />
        ))}
      </ol>
    </section>
  );
}

/** The schema a typed value must pass: the plan form's for the plan, the row field's otherwise. */
function schemaOf(entity: string, field: string): z.ZodType | null {
  if (entity === 'plan') return Object.hasOwn(PlanFieldSchemas, field) ? PlanFieldSchemas[field as PlanField] : null;
  if (!(ROW_ENTITY_NAMES as string[]).includes(entity) || !isRowField(entity as RowEntity, field)) return null;
  return rowFieldSchema(entity as RowEntity, field);
}

/** What can be typed instead of choosing: text or a number; lists, choices and yes/no are only chosen. */
function typedKind(conflict: Conflict, schema: z.ZodType | null): 'text' | 'number' | null {
  const inner = schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;
  // A choice from a list (SWOT type, direction) is stored as a code: only the offered codes make sense.
  if (inner === null || inner instanceof z.ZodEnum) return null;
  const values = conflict.values.map((v) => v.value);
  if (values.every((v) => typeof v === 'string')) return 'text';
  if (values.every((v) => typeof v === 'number' || v === null)) return 'number';
  return null;
}

function ConflictItem({
  planId,
  conflict,
  identity,
  label,
  onResolved,
}: { conflict: Conflict } & Omit<ConflictsProps, 'conflicts'>) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const id = useId();
  const schema = schemaOf(conflict.entity, conflict.field);
  const kind = typedKind(conflict, schema);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const what = `${label(conflict.entity, conflict.rowId)}: ${fieldLabel(t, conflict.entity, conflict.field)}`;

  const who = (v: ConflictValue) => {
    const office = officeLabel(t, v.office);
    return v.office?.code === identity.code ? t('exchange.ui.conflicts.thisOffice', { office }) : office;
  };

  const resolve = async (value: unknown, shown: string) => {
    setBusy(true);
    const { entity, rowId, field } = conflict;
    const result = await api['exchange.resolve']({ planId, entity, rowId, field, value });
    setBusy(false);
    if (!result.ok) return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
    // No Undo offer: an undo is written as a new edit that has seen every value, so it would end the conflict
    // with the older value instead of bringing the choice back (reported to the exchange backend).
    shell.notify({ text: t('exchange.ui.conflicts.resolved', { what, value: shown }) });
    onResolved();
  };

  const chooseTyped = () => {
    let value: unknown = typed;
    if (kind === 'number') {
      const parsed = parseNumberCell(typed);
      if (!parsed.ok) return setError(parsed.message);
      value = parsed.value;
    }
    const checked = schema?.safeParse(value);
    if (checked && !checked.success) return setError(checked.error.issues[0]?.message ?? 'validation.invalid');
    setError(null);
    void resolve(checked ? checked.data : value, cellValue(t, i18n.language, label, conflict.field, value));
  };

  return (
    <li className="conflict" aria-labelledby={`${id}-h`} aria-busy={busy}>
      <h3 id={`${id}-h`}>{what}</h3>
      <div className="conflict-values" role="group" aria-label={t('exchange.ui.conflicts.valuesLabel')}>
        {conflict.values.map((v) => {
          const shown = cellValue(t, i18n.language, label, conflict.field, v.value);
          return (
            <div key={v.opId} className={v.winner ? 'conflict-value conflict-winner' : 'conflict-value'}>
              <p className="conflict-who">
                <strong>{who(v)}</strong>
                <span className="muted">{formatDateTime(v.at, i18n.language)}</span>
                {v.winner && <span className="badge">{t('exchange.ui.conflicts.shownNow')}</span>}
              </p>
              <p className="conflict-text">{shown}</p>
              <button
                type="button"
                disabled={busy}
                aria-label={t('exchange.ui.conflicts.choose', { office: who(v) })}
                onClick={() => void resolve(v.value, shown)}
              >
                {t('exchange.ui.conflicts.chooseShort')}
              </button>
            </div>
          );
        })}
      </div>
      {kind !== null && (
        <div className="conflict-own field">
          <label htmlFor={`${id}-own`}>{t('exchange.ui.conflicts.typeNew')}</label>
          <textarea
            id={`${id}-own`}
            rows={kind === 'number' ? 1 : 3}
            value={typed}
            inputMode={kind === 'number' ? 'decimal' : 'text'}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-own-error` : undefined}
            onChange={(e) => setTyped(e.target.value)}
          />
          {error && (
            <span id={`${id}-own-error`} className="field-error">
              {t(error)}
            </span>
          )}
          <div className="actions">
            <button type="button" disabled={busy} onClick={chooseTyped}>
              {t('exchange.ui.conflicts.useTyped')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
