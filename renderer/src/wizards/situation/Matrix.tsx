import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, CatalogItem } from '../../../../main/core/catalog.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { situationMatrix } from '../../../../main/core/situation.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowText } from '../../plan/RowFields.tsx';
import { useCatalogText } from '../catalogs/useCatalogs.ts';
import { BangkokPlanGate } from './BangkokPlanGate.tsx';
import { ThaiText } from '../../thai/ThaiText.tsx';

/**
 * Step 2: missions (rows) × the chosen Bangkok plan's dimensions (columns). A ticked cell is a missionLink row
 * (id `${missionId}:${dimensionId}`): ticking creates it, unticking deletes it (undo from the banner brings it
 * back with its note). Dimensions nobody serves are flagged in words as well as colour.
 */
export function Matrix() {
  return <BangkokPlanGate>{(catalog) => <MatrixTable catalog={catalog} />}</BangkokPlanGate>;
}

function MatrixTable({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const text = useCatalogText();
  // Cells whose change is on its way to main, with the state they are going to: shown at once, and a second
  // click meanwhile is ignored (not disabled: a disabled checkbox would drop the keyboard focus).
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  // Notes of cells unticked in this visit: ticking again by mistake-and-back keeps what was written (a revived
  // row otherwise starts from the defaults).
  const notes = useRef(new Map<string, string>());
  const missions = data.list('mission');
  const links = data.list('missionLink');
  const matrix = situationMatrix(missions, links, catalog);
  const gapIds = new Set(matrix.gaps.map((g) => g.id));

  if (missions.length === 0) return <p className="notice">{t('situation.noMissions')}</p>;

  const missionName = (i: number, tt: TFunction = t) => tt('situation.missionN', { n: i + 1 });
  // In the language of `tt`: the undo notice says the cell's name again after a language switch.
  const cellName = (i: number, dimension: CatalogItem, tt: TFunction = t) =>
    tt('situation.cell', { mission: missionName(i, tt), dimension: text.item(dimension) });
  const linkOf = (mission: Row, dimension: CatalogItem) =>
    links.find((l) => l.parentId === mission.id && l.data.catalogItemId === dimension.id);

  const toggle = async (mission: Row, i: number, dimension: CatalogItem, on: boolean) => {
    const key = `${mission.id}:${dimension.id}`;
    if (pending.has(key)) return;
    setPending((p) => new Map(p).set(key, on));
    // The row as it is now, not as the last render saw it: a save may have returned since (the note).
    const link = data.list('missionLink', mission.id).find((l) => l.data.catalogItemId === dimension.id);
    if (on && !link) {
      const note = notes.current.get(key) ?? '';
      await data.create([
        { entity: 'missionLink', parentId: mission.id, values: { catalogItemId: dimension.id, note } },
      ]);
    } else if (!on && link) {
      notes.current.set(key, String(data.value(link, 'note') ?? ''));
      await data.remove(link, (tt) => cellName(i, dimension, tt));
    }
    setPending((p) => new Map([...p].filter(([k]) => k !== key)));
  };

  const ticked = missions.flatMap((m, i) =>
    matrix.dimensions.flatMap(({ dimension }) => {
      const link = linkOf(m, dimension);
      return link ? [{ link, name: cellName(i, dimension) }] : [];
    }),
  );

  return (
    <>
      <p>{t('situation.matrixIntro', { plan: text.title(catalog), version: text.version(catalog.version) })}</p>
      <div className="situation-scroll">
        <table className="situation-matrix">
          <caption className="visually-hidden">{t('situation.matrixCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <ThaiText text={t('situation.missionColumn')} />
              </th>
              {matrix.dimensions.map(({ dimension }) => (
                <th key={dimension.id} scope="col" className={gapIds.has(dimension.id) ? 'gap' : undefined}>
                  <ThaiText text={`${dimension.code}. ${text.item(dimension)}`} />
                  {gapIds.has(dimension.id) && (
                    <span className="gap-flag" title={t('situation.gapFlagLong')}>
                      {t('situation.gapFlag')}
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {missions.map((m, i) => (
              <tr key={m.id}>
                <th scope="row">
                  <span className="row-number">{missionName(i)}</span> {String(data.value(m, 'text') ?? '')}
                </th>
                {matrix.dimensions.map(({ dimension }) => {
                  const key = `${m.id}:${dimension.id}`;
                  return (
                    <td key={dimension.id} className={gapIds.has(dimension.id) ? 'gap' : undefined}>
                      <input
                        type="checkbox"
                        aria-label={cellName(i, dimension)}
                        checked={pending.get(key) ?? linkOf(m, dimension) !== undefined}
                        aria-busy={pending.has(key) || undefined}
                        onChange={(e) => void toggle(m, i, dimension, e.target.checked)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('situation.servedBy')}</th>
              {matrix.dimensions.map(({ dimension, missionIds }) => (
                <td key={dimension.id} className={missionIds.length === 0 ? 'gap' : undefined}>
                  {missionIds.length === 0 ? t('situation.gapFlag') : missionIds.length}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <Gaps gaps={matrix.gaps} />
      {matrix.strayLinks.length > 0 && (
        <p className="notice">{t('situation.stray', { count: matrix.strayLinks.length })}</p>
      )}
      {ticked.length > 0 && (
        <fieldset>
          <legend>{t('situation.notes')}</legend>
          {ticked.map(({ link, name }) => (
            <RowText key={link.id} row={link} field="note" label={t('situation.noteFor', { cell: name })} />
          ))}
        </fieldset>
      )}
    </>
  );
}

/** Said in words, live: a screen reader hears a gap appear or close as cells are ticked. */
function Gaps({ gaps }: { gaps: readonly CatalogItem[] }) {
  const { t } = useTranslation();
  const text = useCatalogText();
  return (
    <div className={gaps.length > 0 ? 'notice situation-warning' : 'notice'} role="status">
      {gaps.length === 0 ? (
        <p>{t('situation.noGaps')}</p>
      ) : (
        <>
          <p>{t('situation.gapsWarning', { count: gaps.length })}</p>
          <ul>
            {gaps.map((g) => (
              <li key={g.id}>
                {g.code}. {text.item(g)}
              </li>
            ))}
          </ul>
          <p className="muted">{t('situation.gapsNotBlocking')}</p>
        </>
      )}
    </div>
  );
}
