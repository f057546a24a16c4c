import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../main/core/catalog.ts';
import { situationMatrix } from '../../../../main/core/situation.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { useCatalogText } from '../catalogs/useCatalogs.ts';
import { BangkokPlanGate } from './BangkokPlanGate.tsx';

/** Step 3: coverage per dimension (from core's situationMatrix), the gaps, and missions serving nothing. */
export function Summary() {
  return <BangkokPlanGate>{(catalog) => <Coverage catalog={catalog} />}</BangkokPlanGate>;
}

function Coverage({ catalog }: { catalog: Catalog }) {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  const text = useCatalogText();
  const missions = data.list('mission');
  const matrix = situationMatrix(missions, data.list('missionLink'), catalog);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Map(missions.map((m, i) => [m.id, t('situation.missionN', { n: i + 1 })]));
  const name = (id: string) => `${number.get(id)} ${String(missions.find((m) => m.id === id)?.data.text ?? '')}`;
  const note = (missionId: string, dimensionId: string) =>
    String(data.list('missionLink', missionId).find((l) => l.data.catalogItemId === dimensionId)?.data.note ?? '');
  return (
    <div className="summary">
      <p>
        <strong>
          {t('situation.summaryPlan', { plan: text.title(catalog), version: text.version(catalog.version) })}
        </strong>
      </p>
      <h3>{t('situation.summaryCoverage')}</h3>
      <div className="situation-scroll">
        <table className="situation-coverage">
          <thead>
            <tr>
              <th scope="col">{t('situation.dimension')}</th>
              <th scope="col">{t('situation.coverage')}</th>
            </tr>
          </thead>
          <tbody>
            {matrix.dimensions.map(({ dimension, missionIds, share }) => (
              <tr key={dimension.id} className={missionIds.length === 0 ? 'gap' : undefined}>
                <th scope="row">
                  {dimension.code}. {text.item(dimension)}
                </th>
                <td>
                  {missionIds.length === 0 ? (
                    <strong>{t('situation.gapCell')}</strong>
                  ) : (
                    <>
                      {t('situation.share', {
                        count: missionIds.length,
                        total: missions.length,
                        percent: percent.format(share),
                      })}
                      <ul>
                        {missionIds.map((id) => (
                          <li key={id}>
                            {name(id)}
                            {note(id, dimension.id) && <span className="muted"> — {note(id, dimension.id)}</span>}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('situation.summaryGaps', { count: matrix.gaps.length })}</h3>
      {matrix.gaps.length === 0 ? (
        <p>{t('situation.noGaps')}</p>
      ) : (
        <ul className="gap-list">
          {matrix.gaps.map((g) => (
            <li key={g.id}>
              {g.code}. {text.item(g)}
            </li>
          ))}
        </ul>
      )}
      {matrix.unlinkedMissionIds.length > 0 && (
        <>
          <h3>{t('situation.summaryUnlinked', { count: matrix.unlinkedMissionIds.length })}</h3>
          <ul>
            {missions
              .filter((m) => matrix.unlinkedMissionIds.includes(m.id))
              .map((m) => (
                <li key={m.id}>{name(m.id)}</li>
              ))}
          </ul>
        </>
      )}
    </div>
  );
}
