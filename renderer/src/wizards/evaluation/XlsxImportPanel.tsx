import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIXED_COLUMNS, type PasteProblem } from '../../../../main/core/previousPlanPaste.ts';
import { guessKpiMapping, parseKpiSheet, type KpiMapping } from '../../../../main/core/xlsx/kpiImport.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { useShell } from '../../shell.ts';
import { ColumnSelect, SheetChoice } from '../../xlsx/ColumnSelect.tsx';
import { XlsxOpenButton, type OpenedWorkbook } from '../../xlsx/XlsxOpen.tsx';
import { RefusedRows } from '../../xlsx/RefusedRows.tsx';
import { createPastedKpis } from './createPastedKpis.ts';
import { useSheetMapping } from '../../xlsx/useSheetMapping.ts';
import '../../xlsx/xlsx.css';

/**
 * The previous plan's KPI table from an .xlsx file: open it (main reads it), check which column holds what
 * (guessed from the headers, core/xlsx/kpiImport.ts), see which rows will be added and which are refused
 * with their sheet, row and reason (the paste's rules), then confirm. Nothing is written before that, and
 * the KPIs come in as one rows.create call, one undo, as a paste does (createPastedKpis).
 */
export function XlsxImportPanel({ years }: { years: readonly number[] }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const shell = useShell();
  const id = useId();
  const { workbook, sheet, grid, mapping, setMapping, choices, failure, setFailure, choose, close } =
    useSheetMapping<KpiMapping>((grid) => guessKpiMapping(grid, years));
  const [busy, setBusy] = useState(false);

  const parsed = useMemo(
    () => (grid && mapping ? parseKpiSheet(grid, mapping, years, data.rows) : null),
    [grid, mapping, years, data.rows],
  );

  const opened = (book: OpenedWorkbook) => {
    // The first sheet with a KPI column is the table; a cover or notes sheet before it is passed over.
    const withKpis = book.sheets.findIndex((s) => guessKpiMapping(s, years).columns.kpi !== null);
    choose(book, Math.max(0, withKpis));
  };
  const why = (p: PasteProblem) => {
    const values = { ...p.values };
    if (typeof values.column === 'string') values.column = t(`evaluation.paste.column.${values.column}`);
    return t('xlsx.import.row', {
      sheet: p.sheet ?? '',
      row: p.line,
      reason: t(`evaluation.paste.why.${p.reason}`, values),
    });
  };
  const confirm = async () => {
    if (!parsed) return;
    setBusy(true);
    const ok = await createPastedKpis(data, shell, parsed.kpis);
    setBusy(false);
    if (!ok) return;
    shell.notify({ text: t('xlsx.import.created', { count: parsed.kpis.length }), undo: true });
    close();
  };

  return (
    <section className="eval-paste" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('xlsx.import.heading')}</h3>
      <p>{t('xlsx.import.intro')}</p>
      <div className="actions">
        <XlsxOpenButton label={t('xlsx.import.button')} onOpened={opened} onFailed={setFailure} />
      </div>
      {failure && (
        <p className="notice notice-error" role="alert">
          {t(failure)}
        </p>
      )}
      {workbook && grid && mapping && parsed && (
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
            {FIXED_COLUMNS.map((field) => (
              <ColumnSelect
                key={field}
                label={t(`xlsx.import.field.${field}`)}
                value={mapping.columns[field]}
                choices={choices}
                onChange={(column) => setMapping({ ...mapping, columns: { ...mapping.columns, [field]: column } })}
              />
            ))}
            {mapping.columns.direction === null && (
              <div className="field">
                <label htmlFor={`${id}-direction`}>{t('xlsx.import.defaultDirection')}</label>
                <select
                  id={`${id}-direction`}
                  value={mapping.defaultDirection}
                  onChange={(e) =>
                    setMapping({ ...mapping, defaultDirection: e.target.value === 'lower' ? 'lower' : 'higher' })
                  }
                >
                  <option value="higher">{t('evaluation.directions.higher')}</option>
                  <option value="lower">{t('evaluation.directions.lower')}</option>
                </select>
              </div>
            )}
          </div>
          <div className="xlsx-mapping">
            {mapping.years.map((y, i) =>
              (['target', 'actual'] as const).map((which) => (
                <ColumnSelect
                  key={`${y.year}-${which}`}
                  label={t(which === 'target' ? 'xlsx.import.yearTarget' : 'xlsx.import.yearActual', { year: y.year })}
                  value={y[which]}
                  choices={choices}
                  onChange={(column) =>
                    setMapping({
                      ...mapping,
                      years: mapping.years.map((other, j) => (j === i ? { ...other, [which]: column } : other)),
                    })
                  }
                />
              )),
            )}
          </div>
          <p>{t('evaluation.paste.ready', { count: parsed.kpis.length })}</p>
          <RefusedRows problems={parsed.problems} why={why} />
          <div className="actions">
            <button type="button" disabled={busy || parsed.kpis.length === 0} onClick={() => void confirm()}>
              {t('xlsx.import.confirm', { count: parsed.kpis.length })}
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
