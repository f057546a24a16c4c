import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowData } from '../../../main/core/rows.ts';
import { FieldShell, fieldAria } from '../components/FieldShell.tsx';
import { useFieldError, usePlanData } from '../plan/PlanData.tsx';
import { useFixedRowSave } from '../plan/fixedRow.ts';
import { Provenance } from '../plan/RowList.tsx';
import { checkedSteps, type WizardDef } from '../wizard/types.ts';

/**
 * The plan document's own prose (core/rows.ts `document`, one row per plan): the foreword, the background and
 * objectives of chapter 1, and the monitoring approach of the monitoring chapter. Nothing is required: an
 * empty foreword prints a standard one, other empty texts leave their section out of the PDF.
 */
type Field = keyof RowData<'document'>;

function DocumentText({ field, rows = 8 }: { field: Field; rows?: number }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const id = useId();
  const row = data.list('document')[0];
  // The row's id is fixed by the plan: created by the first keystroke, so two offices meet on one row.
  const { id: rowId, save } = useFixedRowSave('document', null, {}, row);
  const [text, setText] = useState(
    () => data.unsavedText(rowId, field) ?? (row ? String(data.value(row, field) ?? '') : ''),
  );
  const error = useFieldError(rowId, field);
  return (
    <div data-row-id={row?.id}>
      <FieldShell id={id} label={t(`pdf.texts.${field}`)} error={error}>
        <textarea
          id={id}
          rows={rows}
          value={text}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          aria-invalid={fieldAria(id, error)['aria-invalid']}
          onChange={(e) => {
            setText(e.target.value);
            save(field, e.target.value);
          }}
          onBlur={() => void data.flush()}
        />
      </FieldShell>
      <p id={`${id}-hint`} className="hint">
        {t(`pdf.texts.${field}Hint`)}
      </p>
      {row && <Provenance row={row} />}
    </div>
  );
}

/** The last step: each text as it will print, or what prints in its place. */
function Review() {
  const { t } = useTranslation();
  const data = usePlanData();
  const row = data.list('document')[0];
  const text = (field: Field) => String(row?.data[field] ?? '').trim();
  const fields: [Field, string][] = [
    ['foreword', 'pdf.texts.defaultForeword'],
    ['background', 'pdf.texts.notWritten'],
    ['objectives', 'pdf.texts.notWritten'],
    ['monitoring', 'pdf.texts.notWritten'],
  ];
  return (
    <>
      <p>{t('pdf.texts.summaryIntro')}</p>
      <dl className="summary">
        {fields.map(([field, empty]) => (
          <div key={field}>
            <dt>{t(`pdf.texts.${field}`)}</dt>
            <dd>
              {text(field) ? (
                text(field)
                  .split(/\r?\n/)
                  .filter((line) => line.trim() !== '')
                  .map((line, i) => <p key={i}>{line}</p>)
              ) : (
                <p className="muted">{t(empty)}</p>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export const documentWizard: WizardDef = {
  id: 'document',
  title: 'pdf.texts.title',
  // Nothing is required; whether a step holds anything is core's (stepChecks.ts), as for every wizard.
  steps: checkedSteps('document', [
    { id: 'foreword', title: 'pdf.texts.stepForeword', render: () => <DocumentText field="foreword" rows={12} /> },
    {
      id: 'intro',
      title: 'pdf.texts.stepIntro',
      render: () => (
        <>
          <DocumentText field="background" rows={10} />
          <DocumentText field="objectives" rows={5} />
        </>
      ),
    },
    { id: 'monitoring', title: 'pdf.texts.stepMonitoring', render: () => <DocumentText field="monitoring" /> },
    { id: 'summary', title: 'pdf.texts.summary', render: () => <Review /> },
  ]),
};
