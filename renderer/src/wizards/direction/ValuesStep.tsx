import { useTranslation } from 'react-i18next';
import { RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';
import { ThaiText } from '../../thai/ThaiText.tsx';

/** Step 3: core values (ค่านิยม), if the organisation states any; a plan may have none. */
export function ValuesStep() {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <ThaiText text={t('direction.valuesIntro')} />
      </p>
      <RowList
        entity="coreValue"
        itemLabel={(_row, i, tt) => tt('direction.valueN', { n: i + 1 })}
        addLabel={t('direction.addValue')}
      >
        {(row) => <RowText row={row} field="text" label={t('direction.valueText')} />}
      </RowList>
    </>
  );
}
