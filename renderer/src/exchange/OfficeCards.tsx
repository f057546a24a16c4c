import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeIdentity } from '../../../main/core/exchange/identity.ts';
import { PACKAGE_EXTENSION } from '../../../main/core/exchange/format.ts';
import { useApi } from '../ApiContext.tsx';
import { useShell } from '../shell.ts';
import { IdentityForm } from './IdentityForm.tsx';
import { exchangeErrorText, officeLabel } from './labels.ts';
import './exchange.css';

/**
 * This installation's office on the home screen. At first start a welcome card asks for it above the plans;
 * a single-office user may skip it (remembered in the workspace's settings) and is asked again only when
 * exchanging.
 * Afterwards a settings card shows it and lets it be changed.
 */

export interface Office {
  /** undefined while loading; null when not set. */
  readonly identity: OfficeIdentity | null | undefined;
  /** The welcome card shows (not set, not skipped, or asked for again). */
  readonly welcome: boolean;
  /** Why the welcome card came back (an exchange needs the office first). */
  readonly askedFor: string | null;
  saved(identity: OfficeIdentity): void;
  skip(): void;
  ask(reason: string): void;
}

export function useOffice(): Office {
  const api = useApi();
  const [identity, setIdentity] = useState<OfficeIdentity | null | undefined>(undefined);
  const [skipped, setSkipped] = useState(false);
  const [askedFor, setAskedFor] = useState<string | null>(null);
  useEffect(() => {
    void api['settings.get']({}).then((r) => {
      if (!r.ok) return;
      setSkipped(r.data.officeSkipped);
      setIdentity(r.data.office);
    });
  }, [api]);
  return {
    identity,
    welcome: identity === null && (!skipped || askedFor !== null),
    askedFor,
    saved(next) {
      setIdentity(next);
      setAskedFor(null);
    },
    skip() {
      void api['settings.set']({ officeSkipped: true });
      setSkipped(true);
      setAskedFor(null);
    },
    ask(reason) {
      setAskedFor(reason);
    },
  };
}

export function OfficeWelcome({ office }: { office: Office }) {
  const { t } = useTranslation();
  const id = useId();
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    // Asked for by an action: bring the card into view with the cursor in its first field.
    if (office.askedFor) card.current?.querySelector('input')?.focus();
  }, [office.askedFor]);
  if (!office.welcome) return null;
  return (
    <section ref={card} className="card office-welcome" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('exchange.ui.welcome.heading')}</h2>
      <p>{t('exchange.ui.welcome.body')}</p>
      {office.askedFor && (
        <p className="notice" role="alert">
          {office.askedFor}
        </p>
      )}
      <IdentityForm
        initial={null}
        onSaved={office.saved}
        secondary={{ label: t('exchange.ui.welcome.skip'), onClick: office.skip }}
      />
    </section>
  );
}

/** The settings spot: who this computer is in exchanges, changeable. */
export function OfficeSettings({ office }: { office: Office }) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  if (office.identity === undefined || office.welcome) return null;
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('exchange.ui.settings.heading')}</h2>
      {editing ? (
        <IdentityForm
          initial={office.identity}
          onSaved={(next) => {
            office.saved(next);
            setEditing(false);
          }}
          secondary={{ label: t('common.cancel'), onClick: () => setEditing(false) }}
          autoFocus
        />
      ) : (
        <>
          <p>
            {office.identity
              ? `${officeLabel(t, office.identity)} · ${t(`exchange.ui.role.${office.identity.role}`)}`
              : t('exchange.ui.settings.notSet')}
          </p>
          <p className="muted">{t('exchange.ui.settings.hint')}</p>
          {office.identity ? (
            <button type="button" aria-label={t('exchange.ui.identity.changeHeading')} onClick={() => setEditing(true)}>
              {t('exchange.ui.identity.change')}
            </button>
          ) : (
            <button type="button" onClick={() => setEditing(true)}>
              {t('exchange.ui.settings.set')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * An office gets its plan as a package from the secretariat: importing it here brings the whole plan, then
 * opens its exchange screen. The office must be known first, so that what it sends back says who it is.
 */
export function ReceivePlanButton({ office, hasDialogs }: { office: Office; hasDialogs: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const receive = async (file?: File) => {
    setBusy(true);
    const files = file ? [{ name: file.name, content: await file.text() }] : undefined;
    const result = await api['exchange.import'](files ? { files } : {});
    setBusy(false);
    if (!result.ok) return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
    if (result.data.status === 'cancelled') return;
    const [outcome] = result.data.packages;
    if (!outcome) return;
    if (outcome.status === 'rejected') {
      const reason = t(`exchange.errors.${outcome.reason ?? 'invalid'}`);
      return shell.notify({ text: t('exchange.ui.home.rejected', { file: outcome.file, reason }), kind: 'error' });
    }
    const planId = outcome.planId;
    if (!planId) return;
    shell.notify({
      text: t(`exchange.ui.home.${outcome.status}`, {
        title: outcome.planTitle ?? '',
        office: outcome.sender ? officeLabel(t, outcome.sender) : '',
      }),
    });
    shell.navigate({ name: 'exchange', id: planId });
  };

  const onClick = () => {
    if (!office.identity) return office.ask(t('exchange.ui.home.needOffice'));
    if (hasDialogs) void receive();
    else input.current?.click();
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={onClick}>
        {t('exchange.ui.home.receive')}
      </button>
      <input
        ref={input}
        type="file"
        accept={PACKAGE_EXTENSION}
        hidden
        aria-label={t('exchange.ui.home.receive')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void receive(file);
        }}
      />
    </>
  );
}
