import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../../main/core/xlsx/book.ts';

/** One choice of the column-mapping step: which column of the sheet holds a field, or none. */
export function ColumnSelect({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: number | null;
  choices: readonly { index: number; title: string }[];
  onChange: (column: number | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('xlsx.import.none')}</option>
        {choices.map((c) => (
          <option key={c.index} value={String(c.index)}>
            {t('xlsx.import.columnOption', { letter: columnLetter(c.index + 1), title: c.title })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The sheet and its header rows: the first two choices of every mapping step. */
export function SheetChoice({
  sheets,
  sheet,
  headerRows,
  onSheet,
  onHeaderRows,
}: {
  sheets: readonly { name: string }[];
  sheet: number;
  headerRows: number;
  onSheet: (index: number) => void;
  onHeaderRows: (rows: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="xlsx-mapping">
      {sheets.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-sheet`}>{t('xlsx.import.sheet')}</label>
          <select id={`${id}-sheet`} value={String(sheet)} onChange={(e) => onSheet(Number(e.target.value))}>
            {sheets.map((s, i) => (
              <option key={i} value={String(i)}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-head`}>{t('xlsx.import.headerRows')}</label>
        <input
          id={`${id}-head`}
          type="number"
          min={0}
          max={20}
          value={headerRows}
          onChange={(e) => onHeaderRows(Math.max(0, Math.min(20, Math.trunc(Number(e.target.value) || 0))))}
        />
      </div>
    </div>
  );
}
