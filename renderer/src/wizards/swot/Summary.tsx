import { useTranslation } from 'react-i18next';
import {
  SIDE_LETTERS,
  factorCodes,
  frameworkOf,
  positionReport,
  two,
  type Side,
} from '../../../../main/core/swotPlan.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { analysisOf } from './analysis.ts';
import { categoryName } from './Factors.tsx';

/** Step 4: the scored tables of the side; the external side adds the SWOT position, as the workshop did. */
export function Summary({ side }: { side: Side }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const analysis = analysisOf(data);
  const codes = factorCodes(analysis);
  const letters = SIDE_LETTERS[side];
  const parked = analysis.parked.filter((f) => (letters as readonly string[]).includes(f.category)).length;
  return (
    <>
      {letters.map((letter) => {
        const name = t(`swot.letter.${letter}`);
        return (
          <table key={letter} className="swot-table">
            <caption>{name}</caption>
            <thead>
              <tr>
                <th scope="col">{t('swot.weights.code')}</th>
                <th scope="col">{t('swot.weights.factor')}</th>
                <th scope="col">{t('swot.weights.weight')}</th>
                <th scope="col">
                  {t('swot.weights.rating', { min: data.options.ratingMin, max: data.options.ratingMax })}
                </th>
                <th scope="col">{t('swot.weights.score')}</th>
              </tr>
            </thead>
            <tbody>
              {analysis.factors[letter].map((f) => (
                <tr key={f.id}>
                  <th scope="row">{codes.get(f.id)}</th>
                  <td>
                    {f.statement}
                    <div className="hint">{categoryName(t, side, f.group, frameworkOf(side, data.options))}</div>
                  </td>
                  <td className="num">{two(f.weight)}</td>
                  <td className="num">{f.rating}</td>
                  <td className="num">{two(f.score)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t('swot.summary.categoryScore', { letter: name })}
                </th>
                <td className="num swot-score">{two(analysis.scores[letter])}</td>
              </tr>
            </tfoot>
          </table>
        );
      })}
      {parked > 0 && <p className="hint">{t('swot.summary.parked', { count: parked })}</p>}
      {side === 'external' && <PositionView />}
    </>
  );
}

/** The position point, its quadrant with the Thai name and posture, and the chart the PDF also prints. */
export function PositionView() {
  const { t } = useTranslation();
  const data = usePlanData();
  const analysis = analysisOf(data);
  const missing = analysis.missingSides;
  const report = positionReport(analysis, (key, values) => t(key, values ?? {}));
  return (
    <section className="swot-position" aria-labelledby="swot-position-heading">
      <h3 id="swot-position-heading">{t('swot.summary.positionHeading')}</h3>
      {missing.length > 0 ? (
        missing.map((side) => (
          <p key={side} className="notice">
            {t(side === 'internal' ? 'swot.summary.missingInternal' : 'swot.summary.missingExternal')}
          </p>
        ))
      ) : (
        <>
          <p>{report.x}</p>
          <p>{report.y}</p>
          <p className="swot-quadrant">{report.quadrant}</p>
          {/* The SVG string is built by core from escaped text only (tested in swotChart.test.ts). */}
          <div className="swot-chart" dangerouslySetInnerHTML={{ __html: report.svg }} />
        </>
      )}
    </section>
  );
}
