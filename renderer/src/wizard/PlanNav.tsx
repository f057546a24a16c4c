import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressState } from '../../../main/core/progress.ts';
import { usePlanData } from '../plan/PlanData.tsx';
import { routeHash } from '../route.ts';
import { ThaiText } from '../thai/ThaiText.tsx';
import { issueText } from './issueText.ts';
import { usePlanProgress, type StepProgress, type WizardProgress } from './progress.ts';
import type { WizardId } from './types.ts';
import './planNav.css';

/** The step a wizard's link opens: the first that is not done, or its summary once all are. */
function resumeStep(wizard: WizardProgress): number {
  const open = wizard.steps.findIndex((s) => s.state !== 'done');
  return open === -1 ? wizard.steps.length - 1 : open;
}

/** The mark beside a name; its meaning is read out through the item's description, not the mark. */
function Mark({ state }: { state: ProgressState }) {
  return <span className={`progress-mark progress-${state}`} aria-hidden="true" />;
}

/**
 * The workspace's side navigation: the plan, its wizards and (for the wizard on screen) its steps, each with
 * its derived state (core/progress.ts). Steps are buttons: the wizard saves what is being typed before it
 * moves (`onStep`).
 */
export function PlanNav({
  wizard,
  step,
  onStep,
  elsewhere = false,
}: {
  /** The wizard on screen, if any; absent on the plan's page. */
  wizard?: WizardId | undefined;
  /** On another screen of the plan than its page or a wizard (the exchange screen): nothing is marked current. */
  elsewhere?: boolean;
  step?: number | undefined;
  onStep?: ((index: number) => void) | undefined;
}) {
  const { t } = useTranslation();
  const data = usePlanData();
  const progress = usePlanProgress(data);
  const id = useId();
  const stateText = (state: ProgressState) => t(`workspace.state.${state}`);
  /**
   * A step's state, with the reasons behind it when its check finds any, and, while it is not done, the
   * earlier step that holds the way to it said as such (that step's reasons are read on that step).
   */
  const why = (s: StepProgress, steps: readonly { readonly title: string }[]) => {
    const reasons = s.reasons.map((r) => issueText(t, r));
    if (s.blockedBy !== null && s.state !== 'done')
      reasons.push(t('stepCheck.heldBy', { step: s.blockedBy + 1, title: t(steps[s.blockedBy]!.title) }));
    const state = stateText(s.state);
    return reasons.length === 0 ? state : t('workspace.stepStateWhy', { state, reasons: reasons.join(' · ') });
  };
  const stepItem = (s: StepProgress, i: number, steps: readonly { readonly title: string }[]) => {
    const described = `${id}-step-${i}`;
    const text = why(s, steps);
    const title = steps[i]!.title;
    return (
      <li key={i}>
        <button
          type="button"
          className="plan-nav-step"
          aria-current={i === step ? 'step' : undefined}
          aria-describedby={described}
          title={text}
          onClick={() => onStep?.(i)}
        >
          <Mark state={s.state} />
          <span>
            {i + 1}. <ThaiText text={t(title)} />
          </span>
        </button>
        <span id={described} className="visually-hidden">
          {text}
        </span>
      </li>
    );
  };
  return (
    <nav className="plan-nav" aria-label={t('workspace.nav')}>
      <a
        className="plan-nav-plan"
        href={routeHash({ name: 'plan', id: data.plan.id })}
        aria-current={wizard || elsewhere ? undefined : 'page'}
      >
        {/* In a span: the link is a flex box, and each word would be an item of its own, spaced by its gap. */}
        <span>
          <ThaiText text={t('workspace.planPage')} />
        </span>
      </a>
      <p className={`plan-nav-state progress-text-${progress.state}`}>
        <Mark state={progress.state} />{' '}
        <ThaiText text={t('workspace.planState', { state: stateText(progress.state) })} />
      </p>
      <ol className="plan-nav-wizards">
        {progress.wizards.map((w) => {
          const current = w.def.id === wizard;
          const described = `${id}-${w.def.id}`;
          return (
            <li key={w.def.id} className={current ? 'current' : undefined}>
              <a
                href={routeHash({ name: 'wizard', id: data.plan.id, wizard: w.def.id, step: resumeStep(w) })}
                aria-current={current ? 'location' : undefined}
                aria-describedby={described}
                title={stateText(w.state)}
              >
                <Mark state={w.state} />
                <span>
                  <ThaiText text={t(w.def.title)} />
                </span>
              </a>
              <span id={described} className="visually-hidden">
                {stateText(w.state)}
              </span>
              {current && (
                <ol className="plan-nav-steps" aria-label={t('wizard.steps')}>
                  {w.steps.map((s, i) => stepItem(s, i, w.def.steps))}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
