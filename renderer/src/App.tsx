import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../main/core/contract.ts';
import type { AppErrorShape } from '../../main/core/errors.ts';
import { useApi } from './ApiContext.tsx';
import { setThaiUserWords } from './thai/lexicon.ts';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { Toast, type ToastMessage } from './components/Toast.tsx';
import { ExchangeScreen } from './exchange/ExchangeScreen.tsx';
import { errorText } from './format.ts';
import { applyLanguage } from './i18n.ts';
import { routeHash, useHashRoute } from './route.ts';
import { CreatePlan } from './screens/CreatePlan.tsx';
import { DbFailed } from './screens/DbFailed.tsx';
import { DbMoved } from './screens/DbMoved.tsx';
import { Home } from './screens/Home.tsx';
import { PlanEditor } from './screens/PlanEditor.tsx';
import { WizardScreen } from './screens/WizardScreen.tsx';
import { ShellContext, type Shell } from './shell.ts';
import { undoActionKey } from './undoLabel.ts';

/** Ctrl+Z / Ctrl+Y inside a text field belong to the field; elsewhere they undo and redo the last action. */
function isTextTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function App() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatusState] = useState<AppStatus | null>(null);
  const [startError, setStartError] = useState<AppErrorShape | null>(null);
  const [route, navigate] = useHashRoute();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const closeToast = useCallback(() => setToast(null), []);
  // Bumped when data may have changed under the screen (undo, restore): the screen remounts and reloads.
  const [generation, setGeneration] = useState(0);

  const start = useCallback(async () => {
    setStartError(null);
    const [appStatus, settings] = await Promise.all([api['app.status']({}), api['settings.get']({})]);
    // Settings live in the database: if it failed to open, the failure screen stays in Thai.
    if (settings.ok) await applyLanguage(settings.data.language);
    if (appStatus.ok) setStatusState(appStatus.data);
    else setStartError(appStatus.error);
    // This workspace's words for wrapping Thai names and charts on screen (thai/lexicon.ts).
    void api['thaiWords.list']({}).then((words) => words.ok && setThaiUserWords(words.data));
  }, [api]);
  useEffect(() => void start(), [start]);

  // Undo and redo act on the history of the plan on screen; on Home, on the plan a message is about (a plan
  // just deleted), else on this office's newest action.
  const routePlan = 'id' in route ? route.id : undefined;
  const shown = toast && (!toast.planId || !routePlan || toast.planId === routePlan) ? toast : null;
  const scope = useRef<string | undefined>(undefined);
  scope.current = routePlan ?? shown?.planId;
  const history = useCallback(
    async (direction: 'undo' | 'redo', planId = scope.current) => {
      const result = await api[direction === 'undo' ? 'history.undo' : 'history.redo'](planId ? { planId } : {});
      // Refused by an adopted plan's rules (main/services/rows.ts): the direct action's message, naming what
      // the undo or redo would have removed as "the row", since no screen names it here; a refused undo also
      // says that it was passed over.
      const { undo: passed, ...fields } = result.ok ? {} : (result.error.fields ?? {});
      const refused = Object.values(fields)[0];
      if (!result.ok)
        return setToast({
          text: (tt) =>
            refused
              ? [tt(refused, { what: tt('undo.refusedRow') }), ...(passed ? [tt(passed)] : [])].join(' ')
              : errorText(tt, result.error),
          kind: ['nothing-to-undo', 'nothing-to-redo'].includes(result.error.code) ? 'info' : 'error',
        });
      const action = undoActionKey(result.data.label);
      setToast({
        text: (tt) => tt(direction === 'undo' ? 'undo.done' : 'workspace.redone', { action: tt(action) }),
        ...(result.data.planId ? { planId: result.data.planId } : {}),
      });
      setGeneration((g) => g + 1);
    },
    [api],
  );
  const undo = useCallback((planId?: string) => history('undo', planId), [history]);
  const redo = useCallback((planId?: string) => history('redo', planId), [history]);
  // A message about one plan does not follow the user into another.
  useEffect(() => {
    if (routePlan && toast?.planId && toast.planId !== routePlan) setToast(null);
  }, [routePlan, toast]);

  const shell = useMemo<Shell>(
    () => ({
      navigate,
      notify: setToast,
      undo,
      redo,
      setStatus: (next) => {
        setStatusState(next);
        setGeneration((g) => g + 1);
      },
    }),
    [navigate, undo, redo],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTextTarget(e.target)) return;
      const key = e.key.toLowerCase();
      const action = key === 'z' && !e.shiftKey ? undo : key === 'y' || (key === 'z' && e.shiftKey) ? redo : null;
      if (!action) return;
      e.preventDefault();
      void action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  if (startError) {
    return (
      <main className="page narrow">
        <p className="notice notice-error" role="alert">
          {t('app.startFailed', { message: errorText(t, startError) })}
        </p>
        <button type="button" onClick={() => void start()}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!status) return <p className="page muted">{t('app.loading')}</p>;
  if (status.database.state === 'failed') {
    return <DbFailed status={{ ...status, database: status.database }} onStatus={shell.setStatus} />;
  }
  if (status.database.movedFrom) {
    return <DbMoved status={status} movedFrom={status.database.movedFrom} onStatus={shell.setStatus} />;
  }

  // A wizard keeps its loaded plan across its steps; everything else remounts per place.
  const place = route.name === 'wizard' ? `wizard/${route.id}/${route.wizard}` : routeHash(route);
  const screenKey = `${place}@${generation}`;
  return (
    <ShellContext.Provider value={shell}>
      <header className="app-header">
        <a href="#/" className="brand">
          {t('app.name')}
        </a>
        <span className="tagline">{t('app.tagline')}</span>
        <LanguageSwitch />
      </header>
      {route.name === 'home' && <Home key={screenKey} status={status} />}
      {route.name === 'new' && <CreatePlan key={screenKey} />}
      {route.name === 'plan' && <PlanEditor key={screenKey} id={route.id} />}
      {route.name === 'exchange' && <ExchangeScreen key={screenKey} planId={route.id} />}
      {route.name === 'wizard' && (
        <WizardScreen key={screenKey} planId={route.id} wizard={route.wizard} step={route.step} rowId={route.rowId} />
      )}
      <Toast toast={shown} onUndo={() => void undo(shown?.planId)} onClose={closeToast} />
    </ShellContext.Provider>
  );
}
