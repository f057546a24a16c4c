import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../../../main/core/rows.ts';
import { SWOT_CATEGORIES } from '../../../../main/core/swot.ts';
import { factorCodes, type TowsType } from '../../../../main/core/swotPlan.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowCheck, RowText } from '../../plan/RowFields.tsx';
import { Provenance, RowItemHead, RowList } from '../../plan/RowList.tsx';
import { checkedSteps, type WizardDef } from '../../wizard/types.ts';
import { analysisOf } from './analysis.ts';
import { pickedIds, picksType, strategyType } from './towsModel.ts';
import './swot.css';

/** Wizard 6: candidate strategies from pairs of factors, the TOWS matrix, the strategies chosen for goals. */

/** The matrix as printed: strengths left, weaknesses right; opportunities above, threats below. */
const QUADRANTS: readonly TowsType[] = ['SO', 'WO', 'ST', 'WT'];

function useFactorCodes() {
  const data = usePlanData();
  const analysis = analysisOf(data);
  return { analysis, codes: factorCodes(analysis) };
}

function Picker({ row }: { row: Row }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const { analysis, codes } = useFactorCodes();
  // Own state: a ticked box shows at once, before the (deferred) plan-wide update.
  const [picked, setPicked] = useState(() => new Set(pickedIds(data, row)));
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...picked, id] : [...picked].filter((p) => p !== id);
    setPicked(new Set(next));
    data.edit(row, 'factorIds', next);
    // The type follows from the letters picked; it is stored so other parts read it without recomputing.
    const made = picksType(data, next);
    if ('type' in made && made.type !== data.value(row, 'type')) data.edit(row, 'type', made.type);
    void data.flush();
  };
  return (
    <div className="tows-picker">
      {SWOT_CATEGORIES.map((letter) => (
        <fieldset key={letter}>
          <legend>{t(`swot.letter.${letter}`)}</legend>
          {analysis.factors[letter].map((f) => (
            <label key={f.id} className="check tows-factor">
              <input type="checkbox" checked={picked.has(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} />
              <span>
                <strong>{codes.get(f.id)}</strong> {f.statement}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

function TypeLine({ row }: { row: Row }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const made = strategyType(data, row);
  // A row nothing has been picked in yet is not wrong: what to pick shows as guidance, not in red.
  const untouched = pickedIds(data, row).length === 0;
  return (
    <div aria-live="polite">
      {'type' in made ? (
        <p className="tows-type">{t('tows.typeIs', { type: made.type, name: t(`tows.type.${made.type}`) })}</p>
      ) : (
        <ul className={untouched ? 'hint' : 'field-error'}>
          {made.problems.map((p) => (
            <li key={p}>{t(`tows.problem.${p}`)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Build() {
  const { t } = useTranslation();
  const data = usePlanData();
  if (data.list('factor').length === 0) return <p className="notice">{t('tows.noFactors')}</p>;
  return (
    <>
      <p className="hint">{t('tows.buildHint')}</p>
      <RowList
        entity="towsStrategy"
        itemLabel={(_r, i, tt) => tt('tows.strategyN', { n: i + 1 })}
        addLabel={t('tows.add')}
      >
        {(row) => (
          <>
            <Picker row={row} />
            <TypeLine row={row} />
            <RowText row={row} field="text" label={t('tows.text')} multiline />
          </>
        )}
      </RowList>
    </>
  );
}

/** The factors a strategy was built from, by code and statement. */
function Sources({ row }: { row: Row }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const { analysis, codes } = useFactorCodes();
  const byId = new Map(SWOT_CATEGORIES.flatMap((c) => analysis.factors[c]).map((f) => [f.id, f]));
  const id = `sources-${row.id}`;
  return (
    <>
      <p id={id} className="tows-sources-label">
        {t('tows.matrix.sources')}
      </p>
      <ul className="tows-sources" aria-labelledby={id}>
        {pickedIds(data, row).map((factorId) => {
          const f = byId.get(factorId);
          return <li key={factorId}>{f ? `${codes.get(factorId)} ${f.statement}` : t('tows.matrix.gone')}</li>;
        })}
      </ul>
    </>
  );
}

function Matrix() {
  const { t } = useTranslation();
  const data = usePlanData();
  const strategies = data.list('towsStrategy');
  const typed = strategies.map((row) => ({ row, made: strategyType(data, row) }));
  const incomplete = typed.filter(({ made }) => !('type' in made)).length;
  return (
    <>
      {incomplete > 0 && <p className="notice">{t('tows.matrix.incomplete', { count: incomplete })}</p>}
      <div className="tows-matrix">
        {QUADRANTS.map((q) => {
          const rows = typed.filter(({ made }) => 'type' in made && made.type === q).map(({ row }) => row);
          return (
            <section key={q} className="tows-quadrant" aria-labelledby={`tows-${q}`}>
              <h3 id={`tows-${q}`}>
                {q} {t(`tows.type.${q}`)}
              </h3>
              <p className="hint">{t(`tows.pairs.${q}`)}</p>
              {rows.length === 0 ? (
                <p className="muted">{t('tows.matrix.empty')}</p>
              ) : (
                <ol className="tows-list">
                  {rows.map((row, i) => (
                    <MatrixItem key={row.id} row={row} rows={rows} index={i} type={q} />
                  ))}
                </ol>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}

/** One strategy in its quadrant; up and down move it among the quadrant's strategies only. */
function MatrixItem({ row, rows, index, type }: { row: Row; rows: Row[]; index: number; type: TowsType }) {
  const { t } = useTranslation();
  const label = (tt: TFunction) => tt('tows.matrix.itemLabel', { type, n: index + 1 });
  return (
    <li className="row-item" aria-label={label(t)}>
      <RowItemHead row={row} label={label} siblings={rows} index={index} deletable={false} />
      <RowText row={row} field="text" label={t('tows.text')} multiline />
      <Sources row={row} />
      <RowCheck row={row} field="chosen" label={t('tows.matrix.chosen')} />
    </li>
  );
}

function TowsSummary() {
  const { t } = useTranslation();
  const data = usePlanData();
  const chosen = data.list('towsStrategy').filter((r) => r.data.chosen === true);
  if (chosen.length === 0) return <p className="muted">{t('tows.summary.noneChosen')}</p>;
  return (
    <>
      <p>{t('tows.summary.chosen', { count: chosen.length })}</p>
      <dl className="summary">
        {QUADRANTS.map((q) => {
          const rows = chosen.filter((r) => {
            const made = strategyType(data, r);
            return 'type' in made && made.type === q;
          });
          if (rows.length === 0) return null;
          return (
            <div key={q}>
              <dt>
                {q} {t(`tows.type.${q}`)}
              </dt>
              <dd>
                <ol>
                  {rows.map((r) => (
                    <li key={r.id}>
                      {String(r.data.text)} <Provenance row={r} />
                      <Sources row={r} />
                    </li>
                  ))}
                </ol>
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}

export const towsWizard: WizardDef = {
  id: 'tows',
  title: 'wizards.tows',
  steps: checkedSteps('tows', [
    { id: 'build', title: 'tows.stepBuild', render: () => <Build /> },
    { id: 'matrix', title: 'tows.stepMatrix', render: () => <Matrix /> },
    { id: 'summary', title: 'wizard.summary', render: () => <TowsSummary /> },
  ]),
};
