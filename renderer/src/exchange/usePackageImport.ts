import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, OfficeRef, PackageOutcome } from '../../../main/core/exchange/api.ts';
import { MAX_PACKAGE_BYTES } from '../../../main/core/exchange/format.ts';
import { uploadBatches, type Upload } from '../../../main/core/exchange/upload.ts';
import type { Result } from '../../../main/core/errors.ts';
import { useApi } from '../ApiContext.tsx';
import { useShell } from '../shell.ts';
import { exchangeErrorText } from './labels.ts';

type Done = Extract<ImportReport, { status: 'done' }>;

/** A file over the limit is refused here, unread, as main would refuse it. */
const tooLarge = (name: string): PackageOutcome => ({
  file: name,
  status: 'rejected',
  reason: 'too-large',
  opCount: 0,
  newOps: 0,
  changedCells: 0,
  conflicts: 0,
});

/**
 * Importing packages: in the browser the chosen files' text is sent (all in one request unless together they
 * would pass the bridge's limit, then in as many as needed); in Electron main opens
 * its own dialog for a file or a folder. The last uploads are kept so that, after accepting an unknown office,
 * the same files go in again without choosing them anew.
 */
export function usePackageImport(planId: string | undefined, onImported: (report: Done) => void) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const [outcomes, setOutcomes] = useState<PackageOutcome[] | null>(null);
  const [busy, setBusy] = useState(false);
  const lastUploads = useRef<Upload[] | null>(null);

  const finish = (result: Result<ImportReport>, local: PackageOutcome[] = []) => {
    setBusy(false);
    if (!result.ok) return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
    if (result.data.status === 'cancelled') return;
    setOutcomes([...result.data.packages, ...local]);
    onImported(result.data);
  };
  const where = planId === undefined ? {} : { planId };

  const upload = async (uploads: Upload[], local: PackageOutcome[] = []) => {
    lastUploads.current = uploads;
    const { batches, tooLarge: unsendable } = uploadBatches(uploads);
    const refused = [...unsendable.map((u) => tooLarge(u.name)), ...local];
    if (batches.length === 0) return setOutcomes(refused);
    setBusy(true);
    const done: Done = { status: 'done', packages: [], planIds: [] };
    for (const files of batches) {
      const result = await api['exchange.import']({ ...where, files });
      if (!result.ok) {
        // What earlier requests imported stays imported: show it along with the error.
        if (done.packages.length > 0) finish({ ok: true, data: done }, refused);
        return finish(result);
      }
      if (result.data.status !== 'done') continue;
      done.packages.push(...result.data.packages);
      done.planIds = [...new Set([...done.planIds, ...result.data.planIds])];
    }
    finish({ ok: true, data: done }, refused);
  };

  return {
    outcomes,
    busy,
    /** Files the user picked in the page's file input (browser). */
    async fromFiles(files: readonly File[]) {
      if (files.length === 0) return;
      const local = files.filter((f) => f.size > MAX_PACKAGE_BYTES).map((f) => tooLarge(f.name));
      const readable = files.filter((f) => f.size <= MAX_PACKAGE_BYTES);
      await upload(await Promise.all(readable.map(async (f) => ({ name: f.name, content: await f.text() }))), local);
    },
    /** One file chosen in main's dialog (Electron). */
    async fromDialog() {
      lastUploads.current = null;
      setBusy(true);
      finish(await api['exchange.import'](where));
    },
    /** Every package in a folder chosen in main's dialog (Electron). */
    async fromFolder() {
      lastUploads.current = null;
      setBusy(true);
      finish(await api['exchange.importFolder'](where));
    },
    /**
     * After a 'copied-installation' refusal: this computer takes a new identity (nothing is lost), then the same
     * uploads are imported again (or the user is asked to).
     */
    async newIdentity() {
      const result = await api['database.confirmMove']({ newIdentity: true });
      if (!result.ok) return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
      if (lastUploads.current) return upload(lastUploads.current);
      setOutcomes(null);
      shell.notify({ text: t('exchange.ui.import.newIdentityDone') });
    },
    /** Trust the secretariat's new key (confirmed by phone), then import the same uploads again (or ask to). */
    async acceptSecretariatKey(secretariat: OfficeRef, forPlan: string, publicKey: string) {
      const result = await api['exchange.acceptSecretariatKey']({ planId: forPlan, publicKey });
      if (!result.ok) return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
      if (lastUploads.current) return upload(lastUploads.current);
      setOutcomes(null);
      shell.notify({ text: t('exchange.ui.secretariatKey.confirmedAgain', { name: secretariat.name }) });
    },
    /** Accept an office that is not in the assignments, then import the same uploads again (or ask to). */
    async acknowledge(office: OfficeRef, forPlan: string, publicKey?: string) {
      const result = await api['exchange.acknowledgeOffice']({
        planId: forPlan,
        code: office.code,
        name: office.name,
        ...(publicKey ? { publicKey } : {}),
      });
      if (!result.ok) return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
      if (lastUploads.current) return upload(lastUploads.current);
      setOutcomes(null);
      shell.notify({ text: t('exchange.ui.import.acknowledgedAgain', { name: office.name }) });
    },
  };
}
