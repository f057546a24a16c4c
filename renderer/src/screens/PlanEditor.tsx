import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import type { Plan } from '../../../main/core/plan.ts';
import { useApi } from '../ApiContext.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { PlanFields } from '../components/PlanFields.tsx';
import { SaveStatus } from '../components/SaveStatus.tsx';
import { downloadText } from '../download.ts';
import { ExchangeCard } from '../exchange/ExchangeCard.tsx';
import { errorText, periodLabel } from '../format.ts';
import { nextPlanDraft } from '../../../main/core/nextPlan.ts';
import { useShell } from '../shell.ts';
import { useAutosave } from '../useAutosave.ts';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { refusedState, useStoredRefused } from '../plan/PlanData.tsx';
import { PlanWorkspace } from './PlanWorkspace.tsx';
import { ExportPanel } from '../pdf/ExportPanel.tsx';
import { CompletenessCard } from '../wizards/review/CompletenessCard.tsx';
import { XlsxExportButton } from '../xlsx/XlsxExportButton.tsx';

/** Loads the plan, then hands it to the form; a missing plan (deleted, undone) gets a way back home. */
export function PlanEditor({ id }: { id: string }) {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ plan: Plan } | { error: AppErrorShape } | null>(null);

  useEffect(() => {
    void api['plans.get']({ id }).then((r) => setLoaded(r.ok ? { plan: r.data } : { error: r.error }));
  }, [api, id]);

  if (!loaded) return <main className="page" aria-busy="true" />;
  if ('error' in loaded) return <LoadFailed error={loaded.error} />;
  return <EditorForm initial={loaded.plan} />;
}

function EditorForm({ initial }: { initial: Plan }) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const { plan, values, errors, state, change, flush } = useAutosave(initial);
  const refused = useStoredRefused(initial.id);
  // The plan's own fields speak while they are being saved or refused; otherwise a wizard field still holding
  // refused text does: the page must not say all is saved while one is not.
  const status =
    (state.kind === 'idle' || state.kind === 'saved') && refused ? (refusedState(refused) ?? state) : state;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmNext, setConfirmNext] = useState(false);
  const next = nextPlanDraft(plan);

  const fail = (error: AppErrorShape) => shell.notify({ text: errorText(t, error), kind: 'error' });

  const duplicate = async () => {
    await flush();
    const result = await api['plans.duplicate']({ id: plan.id });
    if (!result.ok) return fail(result.error);
    shell.notify({ text: t('editor.duplicated', { title: result.data.title }) });
    shell.navigate({ name: 'plan', id: result.data.id });
  };

  const exportJson = async () => {
    await flush();
    const result = await api['plans.exportJson']({ id: plan.id });
    if (!result.ok) return fail(result.error);
    if (result.data.status === 'download') downloadText(result.data.fileName, result.data.content);
    else if (result.data.status === 'saved')
      shell.notify({ text: t('editor.exported', { fileName: result.data.fileName }) });
  };

  const startNext = async () => {
    setConfirmNext(false);
    await flush();
    const result = await api['plans.startNext']({ id: plan.id });
    if (!result.ok) return fail(result.error);
    shell.navigate({ name: 'plan', id: result.data.id });
    shell.notify({ text: t('nextPlan.started', { title: result.data.title }), undo: true });
  };

  const remove = async () => {
    setConfirmDelete(false);
    await flush();
    const result = await api['plans.delete']({ id: plan.id });
    if (!result.ok) return fail(result.error);
    shell.navigate({ name: 'home' });
    shell.notify({ text: (tt) => tt('plans.deleted', { title: plan.title }), undo: true, planId: plan.id });
  };

  return (
    <PlanWorkspace planId={plan.id}>
      <main className="workspace-main plan-page">
        <div className="card plan-details">
          <div className="editor-head">
            <a href="#/" className="link">
              {t('common.back')}
            </a>
            <SaveStatus state={status} />
          </div>
          {/* No subtitle: the organisation and the period are the fields right below. */}
          <h1 className="plan-title">
            {plan.title}
            {plan.isSample && <span className="badge">{t('plans.sample')}</span>}
          </h1>
          <form aria-label={t('editor.heading')} noValidate onSubmit={(e) => (e.preventDefault(), void flush())}>
            <PlanFields values={values} errors={errors} onChange={change} onBlur={() => void flush()} />
          </form>
        </div>
        <ExchangeCard planId={plan.id} />
        <CompletenessCard plan={plan} refused={refused} />
        <ExportPanel plan={plan} />
        <section className="card" aria-labelledby="plan-actions">
          <h2 id="plan-actions">{t('editor.actions')}</h2>
          <div className="actions">
            <button type="button" onClick={() => void duplicate()}>
              {t('editor.duplicate')}
            </button>
            <button type="button" onClick={() => void exportJson()}>
              {t('editor.exportJson')}
            </button>
            <XlsxExportButton planId={plan.id} beforeExport={flush} />
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              {t('editor.delete')}
            </button>
          </div>
          <div className="actions">
            <button type="button" aria-describedby="next-plan-hint" onClick={() => setConfirmNext(true)}>
              {t('nextPlan.button')}
            </button>
          </div>
          <p id="next-plan-hint" className="muted">
            {t('nextPlan.hint')}
          </p>
        </section>
        {confirmNext && (
          <ConfirmDialog
            title={t('nextPlan.confirmTitle')}
            body={t('nextPlan.confirmBody', {
              title: next.title,
              period: periodLabel(t, next.startYear, next.endYear),
            })}
            confirmLabel={t('nextPlan.confirm')}
            onCancel={() => setConfirmNext(false)}
            onConfirm={() => void startNext()}
          />
        )}
        {confirmDelete && (
          <ConfirmDialog
            title={t('editor.confirmDeleteTitle')}
            body={t('editor.confirmDeleteBody', { title: plan.title })}
            confirmLabel={t('editor.confirmDelete')}
            danger
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() => void remove()}
          />
        )}
      </main>
    </PlanWorkspace>
  );
}
