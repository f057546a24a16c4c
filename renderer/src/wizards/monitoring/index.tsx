import { checkedSteps, type WizardDef } from '../../wizard/types.ts';
import { AdoptStep } from './AdoptStep.tsx';
import { ArrivalsStep } from './ArrivalsStep.tsx';
import { KpiResultsStep } from './KpiResultsStep.tsx';
import { ProjectsStep } from './ProjectsStep.tsx';
import { SummaryStep } from './SummaryStep.tsx';

/**
 * After adoption (issue 14): the plan's adoption date, then each quarter's KPI results with where each KPI
 * stands against its target, each project's progress and money, which offices have reported each quarter
 * (with reminders to those that have not), and a summary per strategic issue. Quarter
 * rows are plan rows like any other, so they autosave, keep their history and travel in exchange packages.
 */
export const monitoringWizard: WizardDef = {
  id: 'monitoring',
  title: 'monitoring.title',
  afterAdoption: true,
  // Their checks live in core (stepChecks.ts), as every wizard's do.
  steps: checkedSteps('monitoring', [
    { id: 'adopt', title: 'monitoring.stepAdopt', render: () => <AdoptStep /> },
    { id: 'kpis', title: 'monitoring.stepKpis', render: () => <KpiResultsStep /> },
    { id: 'projects', title: 'monitoring.stepProjects', render: () => <ProjectsStep /> },
    { id: 'arrivals', title: 'monitoring.arrivals.step', render: () => <ArrivalsStep /> },
    { id: 'summary', title: 'wizard.summary', render: () => <SummaryStep /> },
  ]),
};
