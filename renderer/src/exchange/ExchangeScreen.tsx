import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrivalsView, Conflict, DeleteConflict, ExchangeStatus } from '../../../main/core/exchange/api.ts';
import type { OfficeIdentity } from '../../../main/core/exchange/identity.ts';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import type { Plan } from '../../../main/core/plan.ts';
import type { Row } from '../../../main/core/rows.ts';
import { useApi } from '../ApiContext.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { PlanWorkspace } from '../screens/PlanWorkspace.tsx';
import { formatDateTime } from '../format.ts';
import { routeHash } from '../route.ts';
import { Arrivals } from './Arrivals.tsx';
import { AssignmentsEditor } from './Assignments.tsx';
import { Conflicts } from './Conflicts.tsx';
import { DeleteConflicts } from './DeleteConflicts.tsx';
import { IdentityForm } from './IdentityForm.tsx';
import { officeLabel, rowLabeler, type RowLabeler } from './labels.ts';
import { ReceivePackages } from './ReceivePackages.tsx';
import { SendPackage } from './SendPackage.tsx';
import { SharedFolder } from './SharedFolder.tsx';
import './exchange.css';

interface Loaded {
  plan: Plan;
  rows: Row[];
  status: ExchangeStatus;
  arrivals: ArrivalsView;
  conflicts: Conflict[];
  deleteConflicts: DeleteConflict[];
  hasDialogs: boolean;
}

/**
 * A plan's exchange with other offices: who this installation is, what it sent and what arrived, conflicts
 * to settle, the secretariat's assignments, and the shared folder. Everything reloads after each import, so
 * names, counts and the plan's rows are the ones the database holds now.
 */
export function ExchangeScreen({ planId }: { planId: string }) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | { error: AppErrorShape } | null>(null);
  // Loads so far: the side navigation's states reload with the screen (an import changes the plan's rows).
  const [loads, setLoads] = useState(0);

  const load = useCallback(async () => {
    const [plan, rows, status, arrivals, conflicts, deleteConflicts, app] = await Promise.all([
      api['plans.get']({ id: planId }),
      api['rows.list']({ planId }),
      api['exchange.status']({ planId }),
      api['exchange.arrivals']({ planId }),
      api['exchange.conflicts']({ planId }),
      api['exchange.deleteConflicts']({ planId }),
      api['app.status']({}),
    ]);
    const failed = [plan, rows, status, arrivals, conflicts, deleteConflicts, app].find((r) => !r.ok);
    if (failed && !failed.ok) return setLoaded({ error: failed.error });
    if (plan.ok && rows.ok && status.ok && arrivals.ok && conflicts.ok && deleteConflicts.ok && app.ok) {
      setLoaded({
        plan: plan.data,
        rows: rows.data,
        status: status.data,
        arrivals: arrivals.data,
        conflicts: conflicts.data,
        deleteConflicts: deleteConflicts.data,
        hasDialogs: app.data.hasDialogs,
      });
      setLoads((n) => n + 1);
    }
  }, [api, planId]);
  useEffect(() => void load(), [load]);

  if (!loaded) return <main className="page" aria-busy="true" />;
  if ('error' in loaded) return <LoadFailed error={loaded.error} />;
  const update = (patch: Partial<Loaded>) =>
    setLoaded((current) => (current && !('error' in current) ? { ...current, ...patch } : current));
  return <Exchange loaded={loaded} loads={loads} reload={load} update={update} />;
}

function Exchange({
  loaded,
  loads,
  reload,
  update,
}: {
  loaded: Loaded;
  loads: number;
  reload(): Promise<void>;
  update(patch: Partial<Loaded>): void;
}) {
  const { t } = useTranslation();
  const { plan, rows, status, arrivals, conflicts, deleteConflicts, hasDialogs } = loaded;
  const label = useMemo(() => rowLabeler(t, rows), [t, rows]);
  const identity = status.identity;
  const [changing, setChanging] = useState(false);
  const onIdentity = () => {
    setChanging(false);
    void reload();
  };

  return (
    <PlanWorkspace planId={plan.id} elsewhere version={loads}>
      <main className="workspace-main exchange">
        <div className="card">
          <div className="editor-head">
            <a href={routeHash({ name: 'plan', id: plan.id })} className="link">
              {t('exchange.ui.backToPlan')}
            </a>
          </div>
          <h1>{t('exchange.ui.heading')}</h1>
          <p className="muted">{plan.title}</p>
          {identity === null ? (
            <section aria-labelledby="identity-first">
              <h2 id="identity-first">{t('exchange.ui.identity.firstHeading')}</h2>
              <p>{t('exchange.ui.identity.firstHint')}</p>
              <IdentityForm initial={null} onSaved={onIdentity} autoFocus />
            </section>
          ) : changing ? (
            <section aria-labelledby="identity-change">
              <h2 id="identity-change">{t('exchange.ui.identity.changeHeading')}</h2>
              <IdentityForm
                initial={identity}
                onSaved={onIdentity}
                secondary={{ label: t('common.cancel'), onClick: () => setChanging(false) }}
                autoFocus
              />
            </section>
          ) : (
            <StatusFacts status={status} identity={identity} onChange={() => setChanging(true)} />
          )}
        </div>
        {identity !== null && (
          <>
            {identity.role === 'contributor' && (
              <OwnAssignment status={status} identity={identity} rows={rows} label={label} />
            )}
            {deleteConflicts.length > 0 && (
              <DeleteConflicts
                planId={plan.id}
                conflicts={deleteConflicts}
                identity={identity}
                rows={rows}
                onResolved={() => void reload()}
              />
            )}
            {conflicts.length > 0 && (
              <Conflicts
                planId={plan.id}
                conflicts={conflicts}
                identity={identity}
                label={label}
                onResolved={() => void reload()}
              />
            )}
            <ReceivePackages
              planId={plan.id}
              role={identity.role}
              hasDialogs={hasDialogs}
              onImported={() => void reload()}
            />
            <SendPackage status={status} identity={identity} onSent={() => void reload()} />
            <Arrivals view={arrivals} label={label} self={identity.code} />
            {identity.role === 'secretariat' && (
              <AssignmentsEditor status={status} rows={rows} label={label} onStatus={(s) => update({ status: s })} />
            )}
            <SharedFolder
              folder={status.folder}
              hasDialogs={hasDialogs}
              onFolder={(folder) => update({ status: { ...status, folder } })}
              onImported={() => void reload()}
            />
          </>
        )}
      </main>
    </PlanWorkspace>
  );
}

function focusConflicts(): void {
  const section = document.getElementById('conflicts') ?? document.getElementById('delete-conflicts');
  section?.scrollIntoView({ block: 'start' });
  section?.focus();
}

function StatusFacts({
  status,
  identity,
  onChange,
}: {
  status: ExchangeStatus;
  identity: OfficeIdentity;
  onChange(): void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('exchange.ui.status.heading')}</h2>
      <dl className="facts exchange-facts">
        <dt>{t('exchange.ui.status.identity')}</dt>
        <dd>
          {officeLabel(t, identity)} · {t(`exchange.ui.role.${identity.role}`)}{' '}
          <button
            type="button"
            className="link"
            aria-label={t('exchange.ui.identity.changeHeading')}
            onClick={onChange}
          >
            {t('exchange.ui.identity.change')}
          </button>
        </dd>
        <dt>{t('exchange.ui.keys.ownLabel')}</dt>
        <dd>
          <span className="key-fingerprint">{t('exchange.ui.keys.own', { fingerprint: status.fingerprint })}</span>
          <br />
          <span className="muted">{t('exchange.ui.keys.ownHint')}</span>
        </dd>
        <dt>{t('exchange.ui.status.secretariat')}</dt>
        <dd>
          {status.secretariat
            ? status.secretariat.code === identity.code && identity.role === 'secretariat'
              ? t('exchange.ui.status.secretariatSelf')
              : officeLabel(t, status.secretariat)
            : t('exchange.ui.status.noSecretariat')}
        </dd>
        <dt>{t('exchange.ui.status.lastExport')}</dt>
        <dd>
          {status.lastExport
            ? t('exchange.ui.status.lastExportValue', {
                number: status.lastExport.seq,
                time: formatDateTime(status.lastExport.at, i18n.language),
                file: status.lastExport.fileName,
              })
            : t('exchange.ui.status.neverSent')}
        </dd>
        {identity.role === 'contributor' && (
          <>
            <dt>{t('exchange.ui.status.unconfirmed')}</dt>
            <dd>{t('exchange.ui.status.unconfirmedValue', { count: status.unconfirmedOps })}</dd>
            {status.heldOps > 0 && (
              <>
                <dt>{t('exchange.ui.held.label')}</dt>
                <dd>{t('exchange.ui.held.value', { count: status.heldOps })}</dd>
              </>
            )}
          </>
        )}
        <dt>{t('exchange.ui.status.conflicts')}</dt>
        <dd>
          {status.conflicts === 0 ? (
            t('exchange.ui.status.noConflicts')
          ) : (
            // Not a hash link: the hash holds the app's route.
            <a href="#conflicts" onClick={(e) => (e.preventDefault(), focusConflicts())}>
              {t('exchange.ui.status.conflictsValue', { count: status.conflicts })}
            </a>
          )}
        </dd>
        <dt>{t('exchange.ui.status.folder')}</dt>
        <dd className="folder-path">{status.folder.path ?? t('exchange.ui.folder.none')}</dd>
      </dl>
    </section>
  );
}

/** What the secretariat asked of this office, from the plan package's assignments. */
function OwnAssignment({
  status,
  identity,
  rows,
  label,
}: {
  status: ExchangeStatus;
  identity: OfficeIdentity;
  rows: readonly Row[];
  label: RowLabeler;
}) {
  const { t } = useTranslation();
  const id = useId();
  const mine = status.assignments.find((a) => a.officeCode === identity.code);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('exchange.ui.mine.heading')}</h2>
      {!mine ? (
        <p className="muted">{t(status.secretariat ? 'exchange.ui.mine.none' : 'exchange.ui.mine.noPlanPackage')}</p>
      ) : (
        <ul className="own-assignment">
          {mine.factors && <li>{t('exchange.ui.mine.factors')}</li>}
          {[...mine.kpiIds, ...mine.projectIds].map((rowId) => {
            const row = byId.get(rowId);
            return row && <li key={rowId}>{label(row.entity, row.id)}</li>;
          })}
        </ul>
      )}
    </section>
  );
}
