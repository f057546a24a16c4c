import { useTranslation } from 'react-i18next';
import type { PlanData } from '../../plan/PlanData.tsx';
import { RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';
import type { StepIssue } from '../../wizard/types.ts';

/**
 * The organisation's missions (พันธกิจ), in the order the organisation states them: step 1 of the situation
 * analysis and step 2 of the plan's direction, on the same rows. `intro`: the i18n key that says what the
 * missions are for in that wizard.
 */
export function Missions({ intro = 'situation.missionsIntro' }: { intro?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t(intro)}</p>
      <RowList
        entity="mission"
        itemLabel={(_row, i) => t('situation.missionN', { n: i + 1 })}
        addLabel={t('situation.addMission')}
      >
        {(row) => <RowText row={row} field="text" label={t('situation.missionText')} multiline />}
      </RowList>
    </>
  );
}

/** At least one mission, each with its text. */
export const needMissions = (data: PlanData): StepIssue[] => {
  const missions = data.list('mission');
  if (missions.length === 0) return [{ message: 'situation.needMission' }];
  // What is on screen (data.value), not the last saved rows: Next right after typing must see the typing.
  const empty = missions.filter((m) => String(data.value(m, 'text') ?? '').trim() === '').length;
  return empty > 0 ? [{ message: 'wizard.missingRequired', values: { count: empty } }] : [];
};
