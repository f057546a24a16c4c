import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowDate } from '../../plan/RowFields.tsx';

/** Step 1: the day the plan was adopted (planOptions.adoptedOn); monitoring opens from then on. */
export function AdoptStep() {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  const options = data.list('planOptions')[0];
  const adoptedOn = data.options.adoptedOn;
  return (
    <>
      <p className="hint">{t('monitoring.adoptHint')}</p>
      {options ? (
        <RowDate row={options} field="adoptedOn" label={t('monitoring.adoptedOn')} />
      ) : (
        // The plan's options row is made by its first option; adopting today makes it, the date can then change.
        <button type="button" onClick={() => void data.setOption('adoptedOn', today()).then(() => data.flush())}>
          {t('monitoring.adoptToday')}
        </button>
      )}
      {adoptedOn && <p>{t('monitoring.adoptedSince', { date: formatDate(adoptedOn, i18n.language) })}</p>}
    </>
  );
}

/** Today on this computer's calendar (ISO), not in UTC: an adoption late in the evening keeps its day. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
