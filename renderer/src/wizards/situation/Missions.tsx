import { useTranslation } from 'react-i18next';
import { RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';

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
        itemLabel={(_row, i, tt) => tt('situation.missionN', { n: i + 1 })}
        addLabel={t('situation.addMission')}
      >
        {(row) => <RowText row={row} field="text" label={t('situation.missionText')} multiline />}
      </RowList>
    </>
  );
}
