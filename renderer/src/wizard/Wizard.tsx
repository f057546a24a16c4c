import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blockerBefore } from '../../../main/core/progress.ts';
import { capped } from '../../../main/core/stepChecks.ts';
import { usePlanData, usePlanSaveState, useRefusedPlaces, type PlanData } from '../plan/PlanData.tsx';
import { SaveStatus } from '../components/SaveStatus.tsx';
import { useShell } from '../shell.ts';
import { PlanNav } from './PlanNav.tsx';
import { issueText } from './issueText.ts';
import { stepsFound, wizardFacts } from './progress.ts';
import type { StepIssue, WizardDef, WizardStep } from './types.ts';
import { useFocusRow } from './useFocusRow.ts';
import { ThaiText } from '../thai/ThaiText.tsx';

/** Why Next stays: refused input first (it is not stored, so the step is not done), then the step's check. */
function nextIssues(step: WizardStep, data: PlanData): StepIssue[] {
  const unsaved = Object.keys(data.unsaved).length;
  return [
    ...(unsaved > 0 ? [{ message: 'wizard.unsavedFields', values: { count: unsaved } }] : []),
    ...(step.issues?.(data) ?? []),
  ];
}

/**
 * One workshop activity as numbered steps in the workspace: the side navigation (the plan's wizards and this
 * one's steps with their derived states, any can be opened), a compact head, the step, Back and Next. Next
 * checks the step and stays, with the reasons listed, while anything blocks it; the list is recomputed as the
 * data changes, so it never outlives what it reports. A step opened past one that refuses Next says so.
 */
export function Wizard({ def, step, rowId }: { def: WizardDef; step: number; rowId?: string | undefined }) {
  const { t } = useTranslation();
  const shell = useShell();
  const data = usePlanData();
  // Refused Next presses on this step: from the first, the reasons show (live); each press focuses them.
  const [refusals, setRefusals] = useState(0);
  const issuesRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const index = Math.min(Math.max(step, 0), def.steps.length - 1);
  const current = def.steps[index]!;
  const last = index === def.steps.length - 1;
  // Refused input counts per step: followed as fields are refused or accepted (data itself changes with rows),
  // and counted again without checking the steps again.
  const refusedPlaces = useRefusedPlaces();
  const issues = refusals > 0 ? nextIssues(current, data) : [];
  const found = useMemo(() => stepsFound(def, data), [def, data]);
  const blocked = useMemo(() => {
    const blocker = blockerBefore(wizardFacts(def, data, undefined, found), index);
    return blocker && { at: blocker.at, reasons: capped([...blocker.reasons]) };
  }, [def, data, found, index, refusedPlaces]);
  // The step follows its data itself: what re-renders the frame around it (a refused field counted, busy) does
  // not re-render a step of 1,000 rows.
  const body = useMemo(() => current.render(), [current]);

  useEffect(() => {
    setRefusals(0);
    headingRef.current?.focus();
  }, [data.plan.id, def.id, index]);
  useEffect(() => {
    if (refusals > 0) issuesRef.current?.focus();
  }, [refusals]);
  // After the heading effect above: a link to a row takes the focus on to that row.
  useFocusRow(rowId, index);

  // While Next or a step link waits for pending saves the step is aria-busy: its answer (a move or the reasons
  // to stay) comes after them, and screen readers and tests wait for it rather than read the step too early.
  const [busy, setBusy] = useState(false);
  const settling = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  const open = (to: number) => shell.navigate({ name: 'wizard', id: data.plan.id, wizard: def.id, step: to });
  const go = (to: number) =>
    settling(async () => {
      await data.flush();
      open(to);
    });
  const next = () =>
    settling(async () => {
      await data.flush();
      if (nextIssues(current, data).length > 0) return setRefusals((n) => n + 1);
      if (last) shell.navigate({ name: 'plan', id: data.plan.id });
      else open(index + 1);
    });

  return (
    <div className="workspace">
      <aside className="workspace-side">
        <PlanNav wizard={def.id} step={index} onStep={(i) => void go(i)} />
      </aside>
      <main className="workspace-main wizard">
        <div className="workspace-head">
          <a href={`#/plan/${data.plan.id}`} className="link">
            {t('wizard.backToPlan')}
          </a>
          <span className="muted workspace-plan">
            <ThaiText text={data.plan.title} />
          </span>
          <h1>
            <ThaiText text={t(def.title)} />
          </h1>
          <PlanSaveStatus />
        </div>
        <section className="card step-card" aria-labelledby="step-heading" aria-busy={busy}>
          <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
            {t('wizard.stepOf', { step: index + 1, count: def.steps.length })}: <ThaiText text={t(current.title)} />
          </h2>
          {blocked && (
            <div className="notice review-warning">
              <p>
                <ThaiText
                  text={t('workspace.blockedBefore', { step: blocked.at + 1, title: t(def.steps[blocked.at]!.title) })}
                />
              </p>
              <ul>
                {blocked.reasons.map((issue, i) => (
                  <li key={i}>
                    <ThaiText text={issueText(t, issue)} />
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => void go(blocked.at)}>
                {t('workspace.goToBlocked', { step: blocked.at + 1 })}
              </button>
            </div>
          )}
          {body}
          {issues.length > 0 && (
            <div className="notice notice-error" role="alert" tabIndex={-1} ref={issuesRef}>
              <p>
                <ThaiText text={t('wizard.cannotContinue')} />
              </p>
              <ul>
                {issues.map((issue, i) => (
                  <li key={i}>
                    <ThaiText text={issueText(t, issue)} />
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="wizard-buttons">
            <button type="button" disabled={index === 0} onClick={() => void go(index - 1)}>
              {t('wizard.back')}
            </button>
            <button type="button" className="primary" onClick={() => void next()}>
              {last ? t('wizard.finish') : t('wizard.next')}
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}

/** Its own component: a change of the autosave status re-renders this line, not the step. */
function PlanSaveStatus() {
  return <SaveStatus state={usePlanSaveState()} />;
}
