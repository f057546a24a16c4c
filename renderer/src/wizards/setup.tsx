import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberRole, WorkshopMode, type Row } from '../../../main/core/rows.ts';
import { formatDate, formatList } from '../format.ts';
import { usePlanData } from '../plan/PlanData.tsx';
import { RowDate, RowSelect, RowText } from '../plan/RowFields.tsx';
import { RowList } from '../plan/RowList.tsx';
import { frameworksStep } from './catalogs/FrameworksStep.tsx';
import { useCatalogList, useCatalogText, useFrameworkChoices } from './catalogs/useCatalogs.ts';
import { checkedSteps, type WizardDef } from '../wizard/types.ts';

/** Wizard 1: who plans (working group), when they meet (workshops), what they align with, who contributes. */

function Members() {
  const { t } = useTranslation();
  return (
    <RowList
      entity="member"
      itemLabel={(_row, i, tt) => tt('setup.memberN', { n: i + 1 })}
      addLabel={t('setup.addMember')}
    >
      {(row) => (
        <div className="grid-2">
          <RowText row={row} field="name" label={t('setup.memberName')} />
          <RowText row={row} field="jobTitle" label={t('setup.memberPosition')} />
          <RowText row={row} field="unit" label={t('setup.memberUnit')} />
          <RowSelect
            row={row}
            field="role"
            label={t('setup.memberRole')}
            options={MemberRole.options.map((value) => ({ value, label: t(`setup.role.${value}`) }))}
          />
          <RowText row={row} field="contact" label={t('setup.memberContact')} />
        </div>
      )}
    </RowList>
  );
}

function Attendees({ workshop }: { workshop: Row }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const members = data.list('member');
  // Own state: a ticked box shows at once, before the (deferred) plan-wide update.
  const [chosen, setChosen] = useState(() => new Set(data.value(workshop, 'attendeeIds') as string[]));
  if (members.length === 0) return <p className="muted">{t('setup.noMembersYet')}</p>;
  const toggle = (id: string, on: boolean) => {
    const next = members.map((m) => m.id).filter((m) => (m === id ? on : chosen.has(m)));
    setChosen(new Set(next));
    data.edit(workshop, 'attendeeIds', next);
    void data.flush();
  };
  return (
    <fieldset>
      <legend>{t('setup.attendees')}</legend>
      {members.map((m) => (
        <label key={m.id} className="check">
          <input type="checkbox" checked={chosen.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
          {String(m.data.name) || t('setup.unnamedMember')}
        </label>
      ))}
    </fieldset>
  );
}

function Workshops() {
  const { t } = useTranslation();
  return (
    <RowList
      entity="workshop"
      itemLabel={(_row, i, tt) => tt('setup.workshopN', { n: i + 1 })}
      addLabel={t('setup.addWorkshop')}
    >
      {(row) => (
        <>
          <div className="grid-2">
            <RowDate row={row} field="date" label={t('setup.workshopDate')} />
            <RowSelect
              row={row}
              field="mode"
              label={t('setup.workshopMode')}
              options={WorkshopMode.options.map((value) => ({ value, label: t(`setup.mode.${value}`) }))}
            />
          </div>
          <RowText row={row} field="place" label={t('setup.workshopPlace')} />
          <RowText row={row} field="agenda" label={t('setup.workshopAgenda')} multiline />
          <Attendees workshop={row} />
        </>
      )}
    </RowList>
  );
}

function Offices() {
  const { t } = useTranslation();
  return (
    <RowList
      entity="office"
      itemLabel={(_row, i, tt) => tt('setup.officeN', { n: i + 1 })}
      addLabel={t('setup.addOffice')}
    >
      {(row) => (
        <div className="grid-code">
          <RowText row={row} field="code" label={t('setup.officeCode')} />
          <RowText row={row} field="name" label={t('setup.officeName')} />
        </div>
      )}
    </RowList>
  );
}

function Summary() {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  const members = data.list('member');
  const workshops = data.list('workshop');
  const offices = data.list('office');
  return (
    <dl className="summary">
      <dt>{t('setup.summaryMembers', { count: members.length })}</dt>
      <dd>
        <ul>
          {members.map((m) => (
            <li key={m.id}>
              {String(m.data.name)} — {t(`setup.role.${String(m.data.role)}`)}
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('setup.summaryWorkshops', { count: workshops.length })}</dt>
      <dd>
        <ul>
          {workshops.map((w) => (
            <li key={w.id}>
              {typeof w.data.date === 'string' ? formatDate(w.data.date, i18n.language) : t('setup.noDate')} ·{' '}
              {t(`setup.mode.${String(w.data.mode)}`)}
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('setup.summaryFrameworks')}</dt>
      <dd>
        <ChosenFrameworks />
      </dd>
      <dt>{t('setup.summaryOffices', { count: offices.length })}</dt>
      <dd>
        {formatList(
          offices.map((o) => String(o.data.name)),
          i18n.language,
        )}
      </dd>
    </dl>
  );
}

/** The frameworks the plan aligns to, by their catalog titles (Thai in a Thai interface) and version. */
function ChosenFrameworks() {
  const { t } = useTranslation();
  const [list] = useCatalogList();
  const [choices] = useFrameworkChoices();
  const text = useCatalogText();
  if (choices.length === 0) return <p className="muted">{t('setup.noFrameworks')}</p>;
  if (list.state === 'loading') return <p aria-busy="true">{t('catalogs.loading')}</p>;
  const summaries = list.state === 'ready' ? list.value : [];
  return (
    <ul>
      {choices.map((choice) => {
        const summary =
          summaries.find((s) => s.id === choice.catalogId && s.version === choice.version) ??
          summaries.find((s) => s.id === choice.catalogId);
        return (
          <li key={choice.catalogId}>
            {summary ? text.title(summary) : choice.catalogId}{' '}
            <span className="muted">({t('setup.frameworkVersion', { version: text.version(choice.version) })})</span>
          </li>
        );
      })}
    </ul>
  );
}

export const setupWizard: WizardDef = {
  id: 'setup',
  title: 'wizards.setup',
  steps: checkedSteps('setup', [
    { id: 'members', title: 'setup.stepMembers', render: () => <Members /> },
    { id: 'workshops', title: 'setup.stepWorkshops', render: () => <Workshops /> },
    frameworksStep,
    { id: 'offices', title: 'setup.stepOffices', render: () => <Offices /> },
    { id: 'summary', title: 'wizard.summary', render: () => <Summary /> },
  ]),
};
