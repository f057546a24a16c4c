import { useTranslation } from 'react-i18next';
import {
  COMPLETENESS_RULES,
  completeness,
  completenessMessage,
  type CompletenessItem,
  type CompletenessRule,
} from '../../../../main/core/planContent.ts';
import { routeHash } from '../../route.ts';
import { usePlanData, useRefused } from '../../plan/PlanData.tsx';
import { fixHash } from './links.ts';
import { RefusedNotice } from './RefusedNotice.tsx';

/** One item's message, e.g. "เป้าประสงค์ 1.1 “…” ยังไม่มีตัวชี้วัด", worded as the steps' reasons word it. */
function useCompletenessMessage(): (item: CompletenessItem) => string {
  const { t } = useTranslation();
  return (item) => {
    const { message, values } = completenessMessage(item);
    return t(message, { ...values, name: String(values.name ?? '').trim() || t('review.unnamed') });
  };
}

/** Values kept for years the plan no longer has: besides removing them, the plan's period can be extended. */
const OUTSIDE_PERIOD: ReadonlySet<CompletenessRule> = new Set(['targetOutsidePeriod', 'budgetOutsidePeriod']);

/**
 * Step 3: what a plan reviewer would send back, grouped by rule (planContent.completeness), each with a link
 * to the row on the step where it is fixed. It follows what is on screen: fixing something elsewhere and
 * coming back, or ticking an alignment cell, takes the item off at once. Nothing here blocks Finish: a plan
 * may be printed as a draft with open items.
 */
export function Completeness() {
  const { t } = useTranslation();
  const data = usePlanData();
  const message = useCompletenessMessage();
  const items = completeness(data.rows, data.plan);
  const unsaved = useRefused((refused) => refused);
  return (
    <>
      <RefusedNotice unsaved={unsaved} />
      {/* "Complete" is not said while typed values wait unsaved: what is stored is not what the user sees. */}
      {(items.length > 0 || Object.keys(unsaved).length === 0) && (
        <p className={items.length > 0 ? 'notice review-warning' : 'notice review-ok'} role="status">
          {items.length === 0 ? t('review.completeness.none') : t('review.completeness.count', { count: items.length })}
        </p>
      )}
      {COMPLETENESS_RULES.map((rule) => {
        const found = items.filter((i) => i.rule === rule);
        if (found.length === 0) return null;
        return (
          <section key={rule} className="review-rule" aria-labelledby={`rule-${rule}`}>
            <h3 id={`rule-${rule}`}>
              {t(`review.completeness.rule.${rule}`)}{' '}
              <span className="badge" aria-label={t('review.completeness.ruleCount', { count: found.length })}>
                {found.length}
              </span>
            </h3>
            <ul className="review-items">
              {found.map((item) => {
                const href = fixHash(data.plan.id, item);
                const text = message(item);
                return (
                  <li key={`${item.rowId}:${String(item.values.year ?? item.values.part ?? '')}`}>
                    {href ? <a href={href}>{text}</a> : text}
                    {OUTSIDE_PERIOD.has(rule) && (
                      <>
                        {' · '}
                        <a href={routeHash({ name: 'plan', id: data.plan.id })}>{t('stepCheck.extendPeriod')}</a>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
