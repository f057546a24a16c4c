import { useTranslation } from 'react-i18next';
import { usePlanData } from '../../plan/PlanData.tsx';
import { routeHash } from '../../route.ts';

/** Step 4: vision, missions and values as the plan will state them, each with a way back to fix it. */
export function Summary() {
  const { t } = useTranslation();
  const data = usePlanData();
  const vision = String(data.list('vision')[0]?.data.text ?? '').trim();
  const missions = data.list('mission');
  const values = data.list('coreValue');
  // Three links read alike on screen; each says what it edits to a screen reader.
  const edit = (step: number, what: string) => (
    <a
      className="link"
      href={routeHash({ name: 'wizard', id: data.plan.id, wizard: 'direction', step })}
      aria-label={t('direction.editWhat', { what })}
    >
      {t('direction.edit')}
    </a>
  );
  return (
    <dl className="summary direction-summary">
      <dt>
        {t('direction.vision')} {edit(0, t('direction.vision'))}
      </dt>
      <dd>{vision ? <p className="direction-vision">{vision}</p> : <p className="muted">{t('direction.none')}</p>}</dd>
      <dt>
        {t('direction.summaryMissions', { count: missions.length })} {edit(1, t('direction.stepMissions'))}
      </dt>
      <dd>
        {missions.length === 0 ? (
          <p className="muted">{t('direction.none')}</p>
        ) : (
          <ol>
            {missions.map((m) => (
              <li key={m.id} data-row-id={m.id}>
                {String(m.data.text)}
              </li>
            ))}
          </ol>
        )}
      </dd>
      <dt>
        {t('direction.summaryValues', { count: values.length })} {edit(2, t('direction.stepValues'))}
      </dt>
      <dd>
        {values.length === 0 ? (
          <p className="muted">{t('direction.noValues')}</p>
        ) : (
          <ul>
            {values.map((v) => (
              <li key={v.id} data-row-id={v.id}>
                {String(v.data.text)}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
