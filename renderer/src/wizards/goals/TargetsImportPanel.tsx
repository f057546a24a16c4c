import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  guessTargetMapping,
  targetChanges,
  targetCreation,
  type TargetMapping,
  type TargetProblem,
} from '../../../../main/core/xlsx/targetImport.ts';
import { formatAmount } from '../../format.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { useShell } from '../../shell.ts';
import { ColumnSelect, SheetChoice } from '../../xlsx/ColumnSelect.tsx';
import { XlsxOpenButton } from '../../xlsx/XlsxOpen.tsx';
import { RefusedRows } from '../../xlsx/RefusedRows.tsx';
import { useSheetMapping } from '../../xlsx/useSheetMapping.ts';
import '../../xlsx/xlsx.css';

/**
 * The targets round trip: the KPI sheet of a workbook exported from the plan page, edited in Excel or
 * LibreOffice, brought back. KPIs are found by number, each target checked by the rule an edit meets
 * (core/xlsx/targetImport.ts); the changes are listed before → after, and only confirming writes them, as one
 * rows.create call (a target row's id is fixed per KPI and year, so existing ones are updated): one undo.
 */
export function TargetsImportPanel({ years, onApplied }: { years: readonly number[]; onApplied(): void }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const shell = useShell();
  const id = useId();
  const { workbook, sheet, grid, mapping, setMapping, choices, failure, setFailure, choose, close } =
    useSheetMapping<TargetMapping>((grid) => guessTargetMapping(grid, years));
  const [busy, setBusy] = useState(false);

  const result = useMemo(
    () => (grid && mapping ? targetChanges(grid, mapping, { plan: data.plan, rows: data.rows }) : null),
    [grid, mapping, data.plan, data.rows],
  );

  const why = (p: TargetProblem) => {
    const values = { ...p.values };
    if (typeof values.rule === 'string') values.rule = t(values.rule);
    return t('xlsx.import.row', { sheet: p.sheet, row: p.line, reason: t(`xlsx.targets.why.${p.reason}`, values) });
  };
  const shown = (value: number | null) => (value === null ? t('evaluation.dash') : formatAmount(value));
  const confirm = async () => {
    if (!result || result.changes.length === 0) return;
    setBusy(true);
    const created = await data.create(targetCreation(result.changes));
    setBusy(false);
    if (created === null) return;
    shell.notify({ text: t('xlsx.targets.updated', { count: result.changes.length }), undo: true });
    onApplied();
    close();
  };

  return (
    <section className="eval-paste" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('xlsx.targets.heading')}</h3>
      <p>{t('xlsx.targets.intro')}</p>
      <div className="actions">
        <XlsxOpenButton label={t('xlsx.targets.button')} onOpened={(book) => choose(book, 0)} onFailed={setFailure} />
      </div>
      {failure && (
        <p className="notice notice-error" role="alert">
          {t(failure)}
        </p>
      )}
      {workbook && grid && mapping && result && (
        <div aria-live="polite">
          <p className="muted">{t('xlsx.import.file', { fileName: workbook.fileName })}</p>
          <SheetChoice
            sheets={workbook.sheets}
            sheet={sheet}
            headerRows={mapping.headerRows}
            onSheet={(i) => choose(workbook, i)}
            onHeaderRows={(headerRows) => setMapping({ ...mapping, headerRows })}
          />
          <div className="xlsx-mapping">
            <ColumnSelect
              label={t('xlsx.targets.number')}
              value={mapping.number}
              choices={choices}
              onChange={(number) => setMapping({ ...mapping, number })}
            />
            {mapping.years.map((y, i) => (
              <ColumnSelect
                key={y.year}
                label={t('xlsx.targets.year', { year: y.year })}
                value={y.column}
                choices={choices}
                onChange={(column) =>
                  setMapping({
                    ...mapping,
                    years: mapping.years.map((other, j) => (j === i ? { ...other, column } : other)),
                  })
                }
              />
            ))}
          </div>
          {result.changes.length === 0 ? (
            <p>{t('xlsx.targets.noChanges')}</p>
          ) : (
            <div className="xlsx-problems">
              <p>{t('xlsx.targets.changesHeading', { count: result.changes.length })}</p>
              <ul aria-label={t('xlsx.targets.changesHeading', { count: result.changes.length })}>
                {result.changes.map((c) => (
                  <li key={`${c.kpiId}:${c.year}`}>
                    {t('xlsx.targets.change', {
                      number: c.number,
                      name: c.name,
                      year: c.year,
                      before: shown(c.before),
                      after: shown(c.after),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <RefusedRows problems={result.problems} why={why} />
          <div className="actions">
            <button type="button" disabled={busy || result.changes.length === 0} onClick={() => void confirm()}>
              {t('xlsx.targets.confirm', { count: result.changes.length })}
            </button>
            <button type="button" disabled={busy} onClick={close}>
              {t('xlsx.import.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
