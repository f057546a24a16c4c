import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../main/core/contract.ts';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import type { PlanSummary } from '../../../main/core/plan.ts';
import { useApi } from '../ApiContext.tsx';
import { PrintSettings } from '../components/PrintSettings.tsx';
import { OfficeSettings, OfficeWelcome, ReceivePlanButton, useOffice } from '../exchange/OfficeCards.tsx';
import { errorText, periodLabel } from '../format.ts';
import { useShell } from '../shell.ts';
import { Backups } from './Backups.tsx';
import { ThaiText } from '../thai/ThaiText.tsx';

/** The plan list and the ways to get a plan: new, sample, import. */
export function Home({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const office = useOffice();

  useEffect(() => {
    void api['plans.list']({}).then((result) => {
      // Main returns them in Thai collation order.
      if (result.ok) setPlans(result.data);
      else setError(result.error);
    });
  }, [api]);

  const openSample = async () => {
    const result = await api['plans.openSample']({});
    if (result.ok) shell.navigate({ name: 'plan', id: result.data.id });
    else shell.notify({ text: errorText(t, result.error), kind: 'error' });
  };

  const importPlan = async (content?: string) => {
    const result = await api['plans.importJson'](content === undefined ? {} : { content });
    if (!result.ok) return shell.notify({ text: errorText(t, result.error), kind: 'error' });
    if (result.data.status === 'cancelled') return;
    const { plan, asCopy } = result.data;
    shell.notify({ text: t(asCopy ? 'plans.importedAsCopy' : 'plans.imported', { title: plan.title }) });
    shell.navigate({ name: 'plan', id: plan.id });
  };

  // Electron: main opens its own dialog. Browser: the page reads the chosen file and sends its text.
  const onImportClick = () => (status.hasDialogs ? void importPlan() : fileInput.current?.click());
  const onFileChosen = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) await importPlan(await file.text());
  };

  return (
    <main className="page">
      <OfficeWelcome office={office} />
      <section className="card" aria-labelledby="plans-heading">
        <div className="section-head">
          <h1 id="plans-heading">{t('plans.heading')}</h1>
          <div className="actions">
            <button type="button" className="primary" onClick={() => shell.navigate({ name: 'new' })}>
              {t('plans.new')}
            </button>
            <button type="button" onClick={() => void openSample()}>
              {t('plans.openSample')}
            </button>
            <button type="button" onClick={onImportClick}>
              {t('plans.importJson')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              onChange={(e) => void onFileChosen(e)}
            />
            <ReceivePlanButton office={office} hasDialogs={status.hasDialogs} />
          </div>
        </div>
        {error && <p className="notice notice-error">{errorText(t, error)}</p>}
        {plans?.length === 0 && <p className="muted">{t('plans.empty')}</p>}
        {plans && plans.length > 0 && (
          <ul className="plan-list">
            {plans.map((p) => (
              <li key={p.id}>
                <a href={`#/plan/${p.id}`} className="plan-link">
                  <span className="plan-title">
                    <ThaiText text={p.title} />
                  </span>
                  {p.isSample && <span className="badge">{t('plans.sample')}</span>}
                  <span className="plan-meta">
                    {p.organisation} · {periodLabel(t, p.startYear, p.endYear)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PrintSettings />
      <OfficeSettings office={office} />
      <Backups />
    </main>
  );
}
