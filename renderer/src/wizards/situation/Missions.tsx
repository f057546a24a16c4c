import { useTranslation } from 'react-i18next';
import { RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';

/** Step 1: the organisation's missions (พันธกิจ), in the order the organisation states them. */
export function Missions() {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('situation.missionsIntro')}</p>
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
