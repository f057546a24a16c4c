import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../main/core/errors.ts';
import type { Plan } from '../../../../main/core/plan.ts';
import { completeness } from '../../../../main/core/planContent.ts';
import type { Row } from '../../../../main/core/rows.ts';
import type { UnsavedInput } from '../../../../main/core/settings.ts';
import { useApi } from '../../ApiContext.tsx';
import { errorText } from '../../format.ts';
import { stepHash } from './links.ts';
import { RefusedNotice } from './RefusedNotice.tsx';

/**
 * On the plan's page: how many completeness items the plan has, with a link to the panel that lists them.
 * The plan page does not load the rows otherwise, so this card reads them itself, once per visit.
 */
export function CompletenessCard({
  plan,
  refused,
}: {
  plan: Plan;
  /** The plan's refused wizard input (the page's status line reads it too); null while it loads. */
  refused: Readonly<Record<string, UnsavedInput>> | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [rows, setRows] = useState<Row[] | { error: AppErrorShape } | null>(null);
  useEffect(() => {
    let live = true;
    void api['rows.list']({ planId: plan.id }).then((r) => {
      if (live) setRows(r.ok ? r.data : { error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, plan.id]);
  // Counted against the period as the form shows it now: changing the plan's years changes what is missing.
  const found = Array.isArray(rows) ? completeness(rows, plan).length : rows;
  const href = stepHash(plan.id, 'review', 'completeness');
  return (
    <section className="card" aria-labelledby="completeness-heading">
      <h2 id="completeness-heading">{t('review.completeness.planCard')}</h2>
      {found === null && <p aria-busy="true" />}
      {typeof found === 'object' && found !== null && (
        <p className="notice notice-error">
          {t('review.completeness.planLoadFailed', { reason: errorText(t, found.error) })}
        </p>
      )}
      {refused && <RefusedNotice unsaved={refused} />}
      {typeof found === 'number' && !(found === 0 && refused && Object.keys(refused).length > 0) && (
        <p className={found > 0 ? 'notice review-warning' : 'notice review-ok'}>
          {found === 0 ? t('review.completeness.none') : t('review.completeness.countShort', { count: found })}{' '}
          {found > 0 && href && (
            <a className="link" href={href}>
              {t('review.completeness.openPanel')}
            </a>
          )}
        </p>
      )}
    </section>
  );
}
