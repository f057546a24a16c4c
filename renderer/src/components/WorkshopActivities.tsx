import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../ApiContext.tsx';
import { routeHash } from '../route.ts';
import { WIZARDS } from '../wizards/index.ts';

/** The plan's workshop wizards, each opening at the step where the user left it. */
export function WorkshopActivities({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [steps, setSteps] = useState<Record<string, number>>({});
  useEffect(() => {
    void api['settings.get']({}).then((r) => r.ok && setSteps(r.data.wizardSteps));
  }, [api]);
  return (
    <section className="card" aria-labelledby="activities-heading">
      <h2 id="activities-heading">{t('wizards.heading')}</h2>
      <ol className="activities">
        {WIZARDS.map((w) => {
          const step = steps[`${planId}:${w.id}`];
          return (
            <li key={w.id}>
              <a href={routeHash({ name: 'wizard', id: planId, wizard: w.id, step: step ?? 0 })}>{t(w.title)}</a>
              <span className="muted">
                {step === undefined
                  ? t('wizards.notStarted')
                  : t('wizards.atStep', { step: step + 1, count: w.steps.length })}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
