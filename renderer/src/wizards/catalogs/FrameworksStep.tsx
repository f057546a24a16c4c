import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogSummary } from '../../../../main/core/catalog.ts';
import {
  choiceOfKind,
  chooseForKind,
  newerVersion,
  type CatalogKind,
  type FrameworkChoice,
} from '../../../../main/core/situation.ts';
import './catalogs.css';
import { CatalogEditor } from './CatalogEditor.tsx';
import { useCatalogList, useCatalogText, useFrameworkChoices } from './useCatalogs.ts';

/**
 * Set-up step "frameworks the plan must align with": one catalog (version) per kind of framework, kept in
 * planOptions.frameworkCatalogs. Choosing nothing is allowed (not every agency aligns to every framework),
 * so the step never blocks; the situation wizard says when it needs the Bangkok plan.
 */

/** In the order frameworks.md lists them: national first, then city, then sector. */
const KINDS: readonly CatalogKind[] = [
  'national-strategy',
  'master-plan',
  'nesdp',
  'bangkok-plan',
  'executive-policy',
  'pr-action-plan',
];

export const FRAMEWORKS_STEP_ID = 'frameworks' as const;

function Frameworks() {
  const { t } = useTranslation();
  const [list, reload] = useCatalogList();
  const [choices, setChoices] = useFrameworkChoices();
  const [editing, setEditing] = useState<FrameworkChoice | null>(null);
  if (list.state === 'loading') return <p aria-busy="true">{t('catalogs.loading')}</p>;
  if (list.state === 'failed') return <p className="notice notice-error">{t('catalogs.loadFailed')}</p>;
  const summaries = list.value;

  const closeEditor = () => {
    const opener = editing && document.getElementById(editButtonId(editing.catalogId));
    setEditing(null);
    opener?.focus();
  };
  return (
    <>
      <p>{t('catalogs.intro')}</p>
      {KINDS.map((kind) => (
        <Fragment key={kind}>
          <KindChoice
            kind={kind}
            summaries={summaries}
            chosen={choiceOfKind(choices, summaries, kind)}
            choose={(choice) => void setChoices(chooseForKind(choices, summaries, kind, choice))}
            edit={setEditing}
          />
          {/* The editor opens under the framework it edits, where the button that opened it is. */}
          {editing && summaries.some((s) => s.id === editing.catalogId && s.kind === kind) && (
            <CatalogEditor
              key={`${editing.catalogId}@${editing.version}`}
              choice={editing}
              onClose={closeEditor}
              onSaved={() => void reload()}
            />
          )}
        </Fragment>
      ))}
    </>
  );
}

const editButtonId = (catalogId: string) => `edit-catalog-${catalogId}`;

interface KindChoiceProps {
  kind: CatalogKind;
  summaries: readonly CatalogSummary[];
  chosen: FrameworkChoice | undefined;
  choose(choice: FrameworkChoice | null): void;
  edit(choice: FrameworkChoice): void;
}

/**
 * One kind of framework: a checkbox when there is one catalog of the kind, radio buttons (with "not used")
 * when there are several, e.g. the Bangkok plan 2556–2575 and its revision 2561–2580.
 */
function KindChoice({ kind, summaries, chosen, choose, edit }: KindChoiceProps) {
  const { t } = useTranslation();
  const text = useCatalogText();
  // One entry per catalog: its latest version names it and is what a new choice aligns to.
  const catalogs = summaries.filter((s) => s.kind === kind && s.latest);
  if (catalogs.length === 0) return null;
  const pick = (s: CatalogSummary) => ({ catalogId: s.id, version: s.version });
  // Most titles carry their period already ("… พ.ศ. 2561–2580"): say it only when the title does not.
  const label = (s: CatalogSummary) => (
    <span>
      {text.title(s)}
      {!text.title(s).includes(String(s.startYear)) && <span className="muted"> ({text.period(s)})</span>}
    </span>
  );
  const single = catalogs.length === 1 ? catalogs[0]! : null;
  return (
    <fieldset className="framework-kind">
      <legend>{t(`catalogs.kind.${kind}`)}</legend>
      {single ? (
        <label className="check">
          <input
            type="checkbox"
            checked={chosen?.catalogId === single.id}
            onChange={(e) => choose(e.target.checked ? pick(single) : null)}
          />
          {label(single)}
        </label>
      ) : (
        <>
          <label className="check">
            <input type="radio" name={kind} checked={!chosen} onChange={() => choose(null)} />
            {t('catalogs.notUsed')}
          </label>
          {catalogs.map((s) => (
            <label key={s.id} className="check">
              <input type="radio" name={kind} checked={chosen?.catalogId === s.id} onChange={() => choose(pick(s))} />
              {label(s)}
            </label>
          ))}
        </>
      )}
      {chosen && <ChosenVersion chosen={chosen} summaries={summaries} choose={choose} />}
      <div className="framework-edit">
        {catalogs.map((s) => {
          const version = chosen?.catalogId === s.id ? chosen.version : s.version;
          return (
            <button
              key={s.id}
              id={editButtonId(s.id)}
              type="button"
              className="link"
              aria-label={t('catalogs.edit', { title: text.title(s) })}
              onClick={() => edit({ catalogId: s.id, version })}
            >
              {catalogs.length === 1 ? t('catalogs.editShort') : t('catalogs.edit', { title: text.title(s) })}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The version the plan keeps, and a way to move to a newer one when somebody saved one. */
function ChosenVersion({
  chosen,
  summaries,
  choose,
}: {
  chosen: FrameworkChoice;
  summaries: readonly CatalogSummary[];
  choose(choice: FrameworkChoice): void;
}) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const newer = newerVersion(chosen, summaries);
  return (
    <p className="framework-version">
      <span>{t('catalogs.chosenVersion', { version: text.version(chosen.version) })}</span>
      {newer && (
        <>
          {' · '}
          <strong>{t('catalogs.newerExists', { version: text.version(newer.version) })}</strong>{' '}
          <button type="button" onClick={() => choose({ catalogId: newer.id, version: newer.version })}>
            {t('catalogs.useNewer', { version: text.version(newer.version) })}
          </button>
        </>
      )}
    </p>
  );
}

export const frameworksStep = {
  id: FRAMEWORKS_STEP_ID,
  title: 'catalogs.stepTitle',
  render: () => <Frameworks />,
};
