import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldShell, fieldAria } from '../../components/FieldShell.tsx';
import { useFieldError, usePlanData } from '../../plan/PlanData.tsx';
import { useFixedRowSave } from '../../plan/fixedRow.ts';
import { Provenance } from '../../plan/RowList.tsx';

/**
 * Step 1: the plan's one vision (วิสัยทัศน์). Its row has a fixed id (one per plan), created by the first
 * keystroke: two offices writing the vision meet on one row instead of making two.
 */
export function VisionStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const id = useId();
  const row = data.list('vision')[0];
  const { id: rowId, save } = useFixedRowSave('vision', null, {}, row);
  const [text, setText] = useState(
    () => data.unsavedText(rowId, 'text') ?? (row ? String(data.value(row, 'text') ?? '') : ''),
  );
  const [left, setLeft] = useState(false);
  const error = useFieldError(rowId, 'text') ?? (left && text.trim() === '' ? 'validation.required' : undefined);
  return (
    <div data-row-id={row?.id}>
      <p>{t('direction.visionIntro', { endYear: data.plan.endYear })}</p>
      <p className="hint">{t('direction.visionHint')}</p>
      <FieldShell id={id} label={t('direction.vision')} error={error}>
        <textarea
          id={id}
          rows={3}
          required
          value={text}
          {...fieldAria(id, error)}
          onChange={(e) => {
            setText(e.target.value);
            save('text', e.target.value);
          }}
          onBlur={() => {
            setLeft(true);
            void data.flush();
          }}
        />
      </FieldShell>
      {row && <Provenance row={row} />}
    </div>
  );
}
