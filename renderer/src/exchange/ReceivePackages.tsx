import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../main/core/exchange/api.ts';
import type { OfficeRole } from '../../../main/core/exchange/identity.ts';
import { PACKAGE_EXTENSION } from '../../../main/core/exchange/format.ts';
import { ImportOutcomes } from './ImportOutcomes.tsx';
import { usePackageImport } from './usePackageImport.ts';

interface ReceiveProps {
  planId: string;
  role: OfficeRole;
  hasDialogs: boolean;
  onImported(report: Extract<ImportReport, { status: 'done' }>): void;
}

/**
 * Packages coming in to a plan: the offices' contributions at the secretariat, the secretariat's update
 * packages at an office. Any number of files at once, in any order; Electron also takes a whole folder.
 */
export function ReceivePackages({ planId, role, hasDialogs, onImported }: ReceiveProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const importer = usePackageImport(planId, onImported);

  return (
    <section className="card" aria-labelledby={`${id}-h`} aria-busy={importer.busy}>
      <h2 id={`${id}-h`}>{t(`exchange.ui.receive.heading.${role}`)}</h2>
      <p className="muted">{t(`exchange.ui.receive.hint.${role}`)}</p>
      <div className="actions">
        {hasDialogs ? (
          <>
            <button type="button" disabled={importer.busy} onClick={() => void importer.fromDialog()}>
              {t('exchange.ui.receive.chooseFile')}
            </button>
            <button type="button" disabled={importer.busy} onClick={() => void importer.fromFolder()}>
              {t('exchange.ui.receive.chooseFolder')}
            </button>
          </>
        ) : (
          <button type="button" disabled={importer.busy} onClick={() => input.current?.click()}>
            {t('exchange.ui.receive.chooseFiles')}
          </button>
        )}
        <input
          ref={input}
          type="file"
          multiple
          accept={PACKAGE_EXTENSION}
          hidden
          aria-label={t('exchange.ui.receive.chooseFiles')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            // Cleared, so that choosing the same file again (after accepting its office) fires a change.
            e.target.value = '';
            void importer.fromFiles(files);
          }}
        />
        {importer.busy && <span className="muted">{t('common.busy')}</span>}
      </div>
      {importer.outcomes && (
        <ImportOutcomes
          outcomes={importer.outcomes}
          onAcknowledge={(o, p, key) => void importer.acknowledge(o, p, key)}
          onAcceptSecretariatKey={(o, p, key) => void importer.acceptSecretariatKey(o, p, key)}
          onNewIdentity={() => void importer.newIdentity()}
        />
      )}
    </section>
  );
}
