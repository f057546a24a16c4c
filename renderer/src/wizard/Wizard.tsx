import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../ApiContext.tsx';
import { usePlanData, usePlanSaveState } from '../plan/PlanData.tsx';
import { SaveStatus } from '../components/SaveStatus.tsx';
import { useShell } from '../shell.ts';
import type { StepIssue, WizardDef } from './types.ts';
import { useFocusRow } from './useFocusRow.ts';

/**
 * One workshop activity as numbered steps: a progress bar, the list of steps (any can be opened), Back and
 * Next. Next checks the step and stays, with the reasons listed, while anything blocks it. The step is in the
 * URL and remembered in settings, so the wizard resumes where the user left it.
 */
export function Wizard({ def, step, rowId }: { def: WizardDef; step: number; rowId?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const data = usePlanData();
  const [issues, setIssues] = useState<StepIssue[]>([]);
  const issuesRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const index = Math.min(Math.max(step, 0), def.steps.length - 1);
  const current = def.steps[index]!;
  const last = index === def.steps.length - 1;

  useEffect(() => {
    setIssues([]);
    headingRef.current?.focus();
    void rememberStep(api, `${data.plan.id}:${def.id}`, index);
  }, [api, data.plan.id, def.id, index]);
  // After the heading effect above: a link to a row takes the focus on to that row.
  useFocusRow(rowId, index);

  const go = async (to: number) => {
    await data.flush();
    // Remembered before the step shows (the effect above covers links and typed URLs): a restart right after
    // the step appears resumes there.
    await rememberStep(api, `${data.plan.id}:${def.id}`, to);
    shell.navigate({ name: 'wizard', id: data.plan.id, wizard: def.id, step: to });
  };
  const next = async () => {
    await data.flush();
    // Refused input is not stored: the step is not done while a field still holds it.
    const unsaved = Object.keys(data.unsaved).length;
    const found = [
      ...(unsaved > 0 ? [{ message: 'wizard.unsavedFields', values: { count: unsaved } }] : []),
      ...(current.issues?.(data) ?? []),
    ];
    setIssues(found);
    if (found.length > 0) return issuesRef.current?.focus();
    if (last) shell.navigate({ name: 'plan', id: data.plan.id });
    else await go(index + 1);
  };

  return (
    <main className="page wizard">
      <div className="card">
        <div className="editor-head">
          <a href={`#/plan/${data.plan.id}`} className="link">
            {t('wizard.backToPlan')}
          </a>
          <PlanSaveStatus />
        </div>
        <p className="muted">{data.plan.title}</p>
        <h1>{t(def.title)}</h1>
        <progress className="wizard-progress" value={index + 1} max={def.steps.length}>
          {t('wizard.stepOf', { step: index + 1, count: def.steps.length })}
        </progress>
        <nav aria-label={t('wizard.steps')}>
          <ol className="wizard-steps">
            {def.steps.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="link"
                  aria-current={i === index ? 'step' : undefined}
                  onClick={() => void go(i)}
                >
                  {i + 1}. {t(s.title)}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      </div>
      <section className="card" aria-labelledby="step-heading">
        <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
          {t('wizard.stepOf', { step: index + 1, count: def.steps.length })}: {t(current.title)}
        </h2>
        {current.render()}
        {issues.length > 0 && (
          <div className="notice notice-error" role="alert" tabIndex={-1} ref={issuesRef}>
            <p>{t('wizard.cannotContinue')}</p>
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>{t(issue.message, issue.values ?? {})}</li>
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
  );
}

async function rememberStep(api: ReturnType<typeof useApi>, key: string, step: number): Promise<void> {
  const settings = await api['settings.get']({});
  if (!settings.ok || settings.data.wizardSteps[key] === step) return;
  await api['settings.set']({ wizardSteps: { ...settings.data.wizardSteps, [key]: step } });
}

/** Its own component: a change of the autosave status re-renders this line, not the step. */
function PlanSaveStatus() {
  return <SaveStatus state={usePlanSaveState()} />;
}
