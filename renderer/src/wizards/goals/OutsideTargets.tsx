import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { targetOutsidePeriod } from '../../../../main/core/planContent.ts';
import { formatPeriod } from '../../../../main/core/years.ts';
import { formatAmount } from '../../format.ts';
import { nameOf } from '../../plan/names.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { routeHash } from '../../route.ts';
import type { Outline } from './outline.ts';

/**
 * Targets kept for years the plan no longer has (its period was shortened after they were entered): the year
 * columns do not show them, so they are listed here with what can be done, each removable on its own, or the
 * period extended on the plan page. Core leaves them out of every count (planContent.targetOutsidePeriod) and
 * the step's check and the completeness panel list them.
 */
export function OutsideTargets({ plan }: { plan: Outline }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const list = useRef<HTMLUListElement>(null);
  const kpis = plan.issues.flatMap((issue) =>
    plan.children('goal', issue.id).flatMap((goal) => plan.children('kpi', goal.id)),
  );
  const outside = kpis.flatMap((kpi) =>
    data
      .list('kpiTarget', kpi.id)
      .filter((target) => typeof target.data.target === 'number' && targetOutsidePeriod(target, data.plan))
      .map((target) => ({ kpi, target })),
  );
  if (outside.length === 0) return null;
  const remove = async (index: number) => {
    const { kpi, target } = outside[index]!;
    const values = { number: plan.numbers.get(kpi.id) ?? '', year: Number(target.data.year) };
    // Where the focus goes once the target is gone, found while it is still listed: the next one's (or the
    // previous one's) remove button, or the step's heading when it was the last and the list goes away.
    const neighbour = outside[index + 1] ?? outside[index - 1];
    await data.remove(target, (tt) => tt('stepCheck.removeTarget', values));
    const button = neighbour
      ? list.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(neighbour.target.id)}"] button`)
      : null;
    (button ?? document.getElementById('step-heading'))?.focus();
  };
  return (
    <section className="notice review-warning outside-targets" aria-labelledby="outside-targets">
      <h3 id="outside-targets">{t('stepCheck.outsideHeading')}</h3>
      <p>{t('stepCheck.outsideHint', { period: formatPeriod(data.plan.startYear, data.plan.endYear) })}</p>
      <ul ref={list}>
        {outside.map(({ kpi, target }, i) => {
          const values = { number: plan.numbers.get(kpi.id) ?? '', year: Number(target.data.year) };
          return (
            <li key={target.id} data-row-id={target.id}>
              {t('stepCheck.outsideTarget', {
                ...values,
                name: nameOf(kpi),
                target: `${formatAmount(target.data.target as number)} ${String(kpi.data.unit ?? '')}`.trim(),
              })}{' '}
              <button
                type="button"
                className="secondary"
                aria-label={t('stepCheck.removeTarget', values)}
                onClick={() => void remove(i)}
              >
                {t('stepCheck.removeShort')}
              </button>
            </li>
          );
        })}
      </ul>
      <a className="link" href={routeHash({ name: 'plan', id: data.plan.id })}>
        {t('stepCheck.extendPeriod')}
      </a>
    </section>
  );
}
