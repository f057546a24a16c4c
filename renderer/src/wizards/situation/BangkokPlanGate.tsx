import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../main/core/catalog.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { routeHash } from '../../route.ts';
import { FRAMEWORKS_STEP_ID } from '../catalogs/FrameworksStep.tsx';
import { setupWizard } from '../setup.tsx';
import { useBangkokPlan } from './useBangkokPlan.ts';

/** Shows its content once the plan's Bangkok plan version is loaded; says why not, and where to fix it, otherwise. */
export function BangkokPlanGate({ children }: { children(catalog: Catalog): ReactNode }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const plan = useBangkokPlan();
  switch (plan.state) {
    case 'loading':
      return <p aria-busy="true">{t('situation.loading')}</p>;
    case 'failed':
      return <p className="notice notice-error">{t('situation.loadFailed')}</p>;
    case 'none': {
      const step = setupWizard.steps.findIndex((s) => s.id === FRAMEWORKS_STEP_ID);
      return (
        <div className="notice">
          <p>{t('situation.noPlanChosen')}</p>
          <a className="link" href={routeHash({ name: 'wizard', id: data.plan.id, wizard: 'setup', step })}>
            {t('situation.choosePlan')}
          </a>
        </div>
      );
    }
    case 'ready':
      return children(plan.catalog);
  }
}
