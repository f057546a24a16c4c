import { relative } from 'node:path';
import type { Handlers } from '../../core/contract.ts';
import type { ImportReport } from '../../core/exchange/api.ts';
import { writeFileAtomic } from '../files.ts';
import { getPlan } from '../plans.ts';
import type { FileDialogs, Session } from '../session.ts';
import type { Store } from '../store/store.ts';
import { listConflicts, resolveConflict } from './conflicts.ts';
import { listDeleteConflicts, resolveDelete } from './deletes.ts';
import { actionError } from './errors.ts';
import { buildPackage, recordExport, recordingExport } from './export.ts';
import { chooseFolder, clearFolder, exportToFolder, syncFolder } from './folder.ts';
import { importPackages, incomingText, packageFilesIn, readIncoming, type ImportResult } from './import.ts';
import {
  acceptSecretariatKey,
  acknowledgeOffice,
  actorOffices,
  getPlanExchange,
  identity,
  registerKey,
  savePlanExchange,
} from './state.ts';
import { arrivalChanges, arrivalsView, exchangeStatus, folderStatus } from './views.ts';

type ExchangeChannel = Extract<keyof Handlers, `exchange.${string}`>;

export interface ExchangeHandlerOptions {
  readonly session: Session;
  /** Electron's dialogs, or null in the browser bridge (export becomes a download, import an upload). */
  readonly dialogs: FileDialogs | null;
}

const done = (result: ImportResult): ImportReport => ({ status: 'done', ...result });

function requireSecretariat(store: Store): void {
  if (identity(store)?.role !== 'secretariat') {
    throw actionError('notSecretariat', 'only the secretariat assigns parts and sends plan packages');
  }
}

/** The exchange channels (core/exchange/api.ts) on the exchange services. */
export function exchangeHandlers({ session, dialogs }: ExchangeHandlerOptions): Pick<Handlers, ExchangeChannel> {
  const store = () => session.store();
  const needDialogs = (): FileDialogs => {
    if (!dialogs) throw actionError('noDialog', 'choosing a file or folder needs the desktop app');
    return dialogs;
  };

  return {
    'exchange.status': ({ planId }) => exchangeStatus(store(), planId),
    'exchange.setAssignments': ({ planId, assignments }) => {
      requireSecretariat(store());
      getPlan(store(), planId);
      savePlanExchange(store().db, { ...getPlanExchange(store().db, planId), assignments });
      return exchangeStatus(store(), planId);
    },
    'exchange.export': async ({ planId, to }) => {
      if (to === 'folder') {
        const { path, opCount } = exportToFolder(store(), planId);
        const kind = identity(store())?.role === 'secretariat' ? 'plan' : 'contribution';
        return { status: 'saved', fileName: path, kind, opCount };
      }
      const built = buildPackage(store(), planId);
      const { kind, opCount } = built.file.manifest;
      if (!dialogs) {
        // The browser hands the content over as a download; from here on it is the user's file.
        recordExport(store(), built, built.fileName);
        return { status: 'download', fileName: built.fileName, content: built.text, kind, opCount };
      }
      const path = await dialogs.saveFile(built.fileName, 'exchange-package');
      if (!path) return { status: 'cancelled' };
      writeFileAtomic(path, built.text, recordingExport(store(), built, path));
      return { status: 'saved', fileName: path, kind, opCount };
    },
    'exchange.import': async ({ planId, files }) => {
      let incoming = files?.map((f) => incomingText(f.name, f.content));
      if (!incoming) {
        const path = await needDialogs().openFile('exchange-package');
        if (!path) return { status: 'cancelled' };
        incoming = [readIncoming(path)];
      }
      return done(importPackages(store(), incoming, { planId }));
    },
    'exchange.importFolder': async ({ planId }) => {
      const folder = await needDialogs().openFolder('import-packages');
      if (!folder) return { status: 'cancelled' };
      const incoming = packageFilesIn(folder).map((path) => readIncoming(path, relative(folder, path)));
      return done(importPackages(store(), incoming, { planId }));
    },
    'exchange.acknowledgeOffice': ({ planId, code, name, publicKey }) => {
      getPlan(store(), planId);
      const at = new Date().toISOString();
      store().db.transaction(() => {
        acknowledgeOffice(store().db, planId, code, name, at);
        if (publicKey !== undefined) registerKey(store().db, planId, code, publicKey, at, true);
      })();
      return exchangeStatus(store(), planId);
    },
    'exchange.acceptSecretariatKey': ({ planId, publicKey }) => {
      getPlan(store(), planId);
      acceptSecretariatKey(store().db, planId, publicKey);
      return exchangeStatus(store(), planId);
    },
    'exchange.arrivals': ({ planId }) => arrivalsView(store(), planId),
    'exchange.arrivalChanges': ({ arrivalId }) => arrivalChanges(store(), arrivalId),
    'exchange.conflicts': ({ planId }) => {
      getPlan(store(), planId);
      return listConflicts(store(), planId);
    },
    'exchange.resolve': ({ planId, entity, rowId, field, value }) =>
      resolveConflict(store(), planId, { entity, rowId, field, value }),
    'exchange.deleteConflicts': ({ planId }) => listDeleteConflicts(store(), planId),
    'exchange.resolveDelete': ({ planId, rowId, keep }) => resolveDelete(store(), planId, rowId, keep),
    'exchange.offices': () => actorOffices(store()),
    'exchange.folder.get': () => folderStatus(store()),
    'exchange.folder.choose': async () => {
      const folder = await needDialogs().openFolder('shared-folder');
      return folder ? chooseFolder(store(), folder) : folderStatus(store());
    },
    'exchange.folder.clear': () => clearFolder(store()),
    'exchange.folder.sync': () => done(syncFolder(store())),
  };
}
