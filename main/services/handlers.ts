import { join } from 'node:path';
import type { Handlers } from '../core/contract.ts';
import { AppError } from '../core/errors.ts';
import { MAX_PLAN_FILE_BYTES } from '../core/planFile.ts';
import { createBackup, listBackups } from './backup.ts';
import { getCatalog, listCatalogs, saveCatalogVersion } from './catalogs.ts';
import { exchangeHandlers } from './exchange/handlers.ts';
import { getPlanExchange } from './exchange/state.ts';
import { readTextFile, safeFileName, writeFileAtomic } from './files.ts';
import { PdfJobs } from './pdf/export.ts';
import { pdfHandlers } from './pdf/handlers.ts';
import { exportPlanFile, importPlanFile, parsePlanFile, serialisePlanFile } from './planFile.ts';
import { createPlan, deletePlan, duplicatePlan, getPlan, listPlans, planExists, updatePlan } from './plans.ts';
import { startNextPlan } from './nextPlan.ts';
import { rowHistory } from './rowHistory.ts';
import { createRows, deleteRow, listRows, moveRow, redoAction, reviseRow, undoAction, updateRow } from './rows.ts';
import type { FileDialogs, Session } from './session.ts';
import { addThaiWord, listThaiWords, removeThaiWord } from './thaiWords.ts';
import { xlsxHandlers } from './xlsx/handlers.ts';

export interface HandlerOptions {
  readonly session: Session;
  /** Electron's dialogs, or null in the browser bridge (export becomes a download, import an upload). */
  readonly dialogs: FileDialogs | null;
  /** The shipped resources folder (locales, sample plan, schema). */
  readonly resourcesDir: string;
  readonly version: string;
}

export const SAMPLE_PLAN_FILE = join('sample', 'bma-pr-2566-2570.plan.json');

/** Every channel of the contract, implemented on the services. Electron-free: main and the test bridge share it. */
export function createHandlers({ session, dialogs, resourcesDir, version }: HandlerOptions): Handlers {
  const store = () => session.store();
  const status = () => session.status(dialogs !== null, version);
  // Document and workbook exports are jobs of one kind: pdf.progress and pdf.cancel follow both. A failed
  // export's English detail goes to the log; the UI shows its Thai message.
  const jobs = new PdfJobs({ log: (message) => console.error(`[phaen] ${message}`) });

  return {
    'app.status': status,
    'settings.get': () => store().getSettings(),
    'settings.set': (patch) => store().setSettings(patch),
    'plans.list': () => listPlans(store()),
    'plans.get': ({ id }) => getPlan(store(), id),
    'plans.create': (draft) => createPlan(store(), draft),
    'plans.update': ({ id, edits }) => updatePlan(store(), id, edits),
    'plans.duplicate': ({ id }) => duplicatePlan(store(), id),
    'plans.startNext': ({ id }) => startNextPlan(store(), id),
    'plans.delete': ({ id }) => {
      deletePlan(store(), id);
      return {};
    },
    'plans.openSample': () => {
      const file = parsePlanFile(readTextFile(join(resourcesDir, SAMPLE_PLAN_FILE), MAX_PLAN_FILE_BYTES));
      const id = file.plan.id;
      if (!planExists(store(), id)) return importPlanFile(store(), file).plan;
      try {
        return getPlan(store(), id);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'not-found')) throw err;
        // Deleted earlier: bring the same sample back (undoably) rather than importing a new copy on every click.
        store().oplog.apply('open-sample', id, [{ entity: 'plan', rowId: id, field: 'deleted', value: false }]);
        return getPlan(store(), id);
      }
    },
    'plans.exportJson': async ({ id }) => {
      const plan = getPlan(store(), id);
      const assignments = getPlanExchange(store().db, id).assignments;
      const content = serialisePlanFile(exportPlanFile(plan, listRows(store(), id), assignments));
      const fileName = `${safeFileName(plan.title, 120)}.plan.json`;
      if (!dialogs) return { status: 'download', fileName, content };
      const path = await dialogs.saveFile(fileName, 'plan-json');
      if (!path) return { status: 'cancelled' };
      writeFileAtomic(path, content);
      return { status: 'saved', fileName: path };
    },
    'plans.importJson': async ({ content }) => {
      let text = content;
      if (text === undefined) {
        if (!dialogs) throw new AppError('invalid-input', 'no file content and no dialog to choose one');
        const path = await dialogs.openFile('plan-json');
        if (!path) return { status: 'cancelled' };
        text = readTextFile(path, MAX_PLAN_FILE_BYTES);
      }
      const { plan, asCopy } = importPlanFile(store(), parsePlanFile(text));
      return { status: 'imported', plan, asCopy };
    },
    'rows.list': ({ planId }) => listRows(store(), planId),
    'rows.create': ({ planId, rows }) => createRows(store(), planId, rows),
    'rows.update': ({ id, edits }) => updateRow(store(), id, edits),
    'rows.delete': ({ id }) => {
      deleteRow(store(), id);
      return {};
    },
    'rows.move': ({ id, after }) => moveRow(store(), id, after),
    'rows.revise': ({ id, ...revision }) => reviseRow(store(), id, revision),
    'rows.history': ({ id }) => rowHistory(store(), id),
    'thaiWords.list': () => listThaiWords(store()),
    'thaiWords.add': ({ word }) => addThaiWord(store(), word),
    'thaiWords.remove': ({ word }) => removeThaiWord(store(), word),
    'catalogs.list': () => listCatalogs(store(), resourcesDir),
    'catalogs.get': ({ catalogId, version }) => getCatalog(store(), resourcesDir, catalogId, version),
    'catalogs.save': ({ catalog }) => saveCatalogVersion(store(), resourcesDir, catalog),
    'history.undo': ({ planId }) => {
      const undone = undoAction(store(), planId ?? null);
      return { label: undone.label, planId: undone.planId };
    },
    'history.redo': ({ planId }) => {
      const redone = redoAction(store(), planId ?? null);
      return { label: redone.label, planId: redone.planId };
    },
    'backups.list': () => listBackups(session.backupDir),
    'backups.create': () => createBackup(store().db, session.backupDir, 'manual', 10),
    'backups.restore': async ({ name }) => {
      await session.restore(name);
      return status();
    },
    'database.useAnother': async ({ fresh }) => {
      if (fresh) await session.startFresh();
      else {
        if (!dialogs) throw new AppError('invalid-input', 'choosing a file needs a dialog');
        const path = await dialogs.openFile('database');
        if (!path) return status();
        await session.useDatabase(path);
      }
      return status();
    },
    'database.retry': async () => {
      await session.retry();
      return status();
    },
    'database.confirmMove': async ({ newIdentity }) => {
      await session.confirmMove(newIdentity);
      return status();
    },
    ...exchangeHandlers({ session, dialogs }),
    ...pdfHandlers({ session, dialogs, resourcesDir, jobs }),
    ...xlsxHandlers({ session, dialogs, resourcesDir, jobs }),
  };
}
