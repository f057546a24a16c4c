import { useTranslation } from 'react-i18next';
import { type SwotCategory } from '../../../../main/core/swot.ts';
import {
  SIDE_LETTERS,
  factorCodes,
  frameworkOf,
  scoringConfig,
  two,
  type Side,
} from '../../../../main/core/swotPlan.ts';
import { useLiveDrafts, usePlanData } from '../../plan/PlanData.tsx';
import { analysisOf } from './analysis.ts';
import { categoryName } from './Factors.tsx';
import { RowNumber } from '../../plan/RowFields.tsx';

/**
 * Step 3: one table per letter (S and W, or O and T) with a weight and a rating per factor. The remaining
 * weight of each letter is announced as it changes (aria-live), so a screen-reader user hears it too.
 */
export function Weights({ side }: { side: Side }) {
  return (
    <>
      {SIDE_LETTERS[side].map((letter) => (
        <WeightTable key={letter} side={side} letter={letter} />
      ))}
    </>
  );
}

function WeightTable({ side, letter }: { side: Side; letter: SwotCategory }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const analysis = analysisOf(data);
  const codes = factorCodes(analysis);
  const factors = analysis.factors[letter];
  const rows = new Map(data.list('factor').map((r) => [r.id, r]));
  const config = scoringConfig(data.options);
  const name = t(`swot.letter.${letter}`);
  const left = analysis.remaining[letter];
  return (
    <section className="swot-weights" aria-label={name}>
      <h3>{t('swot.weights.caption', { letter: name })}</h3>
      {factors.length === 0 ? (
        <p className="muted">{t('swot.weights.none', { letter: name })}</p>
      ) : (
        <table className="swot-table">
          <thead>
            <tr>
              <th scope="col">{t('swot.weights.code')}</th>
              <th scope="col">{t('swot.weights.factor')}</th>
              <th scope="col">{t('swot.weights.weight')}</th>
              <th scope="col">{t('swot.weights.rating', { min: config.ratingMin, max: config.ratingMax })}</th>
              <th scope="col">{t('swot.weights.score')}</th>
            </tr>
          </thead>
          <tbody>
            {factors.map((f) => {
              const row = rows.get(f.id)!;
              const code = codes.get(f.id)!;
              return (
                <tr key={f.id}>
                  <th scope="row">{code}</th>
                  <td>
                    {f.statement}
                    <div className="hint">{categoryName(t, side, f.group, frameworkOf(side, data.options))}</div>
                  </td>
                  <td>
                    <RowNumber row={row} field="weight" label={t('swot.weights.weightOf', { code })} hideLabel />
                  </td>
                  <td>
                    <RowNumber
                      row={row}
                      field="rating"
                      hideLabel
                      label={t('swot.weights.ratingOf', { code })}
                      values={{ min: config.ratingMin, max: config.ratingMax }}
                    />
                  </td>
                  <td className="num">{analysis.offScale.has(f.id) ? '—' : two(f.score)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('swot.weights.total')}
              </th>
              <td className="num">{two(1 - left)}</td>
              <td />
              <td className="num">{two(analysis.scores[letter])}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <Remaining letter={letter} />
    </section>
  );
}

/**
 * The weight still to give out under a letter, following each keystroke before the autosave. Its own
 * component, so typing re-renders this line and not the whole table.
 */
function Remaining({ letter }: { letter: SwotCategory }) {
  const { t } = useTranslation();
  useLiveDrafts();
  const data = usePlanData();
  const left = analysisOf(data).remaining[letter];
  const config = scoringConfig(data.options);
  const name = t(`swot.letter.${letter}`);
  const status = !config.weightsMustSum
    ? t('swot.weights.free', { letter: name, value: two(1 - left) })
    : left > 0
      ? t('swot.weights.remaining', { letter: name, value: two(left) })
      : left < 0
        ? t('swot.weights.over', { letter: name, value: two(-left) })
        : t('swot.weights.complete', { letter: name });
  const balanced = !config.weightsMustSum || left === 0;
  return (
    <p className={balanced ? 'swot-remaining' : 'swot-remaining swot-remaining-off'} aria-live="polite">
      {status}
    </p>
  );
}
