import { useMemo } from 'react';
import { useThaiLexicon } from '../../thai/lexicon.ts';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { MAP_LEVELS, strategyMapSvg, type StrategyMapOptions } from '../../../../main/core/charts/strategyMap.ts';
import { numbering } from '../../../../main/core/planContent.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { usePlanData, type PlanData } from '../../plan/PlanData.tsx';
import { ThaiText } from '../../thai/ThaiText.tsx';

/** Fits the wizard's card at the usual window width; a narrower window scrolls it sideways. */
const SCREEN_WIDTH = 900;

/** The map's words in the interface language. */
function strategyMapText(t: TFunction): Omit<StrategyMapOptions, 'width' | 'fontSize' | 'parts'> {
  return {
    title: t('review.map.title'),
    headings: Object.fromEntries(
      MAP_LEVELS.map((l) => [l, t(`review.map.heading.${l}`)]),
    ) as StrategyMapOptions['headings'],
    missing: {
      goal: t('review.map.missing.goal'),
      strategy: t('review.map.missing.strategy'),
      project: t('review.map.missing.project'),
    },
    unnamed: t('review.unnamed'),
    empty: t('review.map.empty'),
    continued: t('review.map.continued'),
  };
}

/**
 * Step 2: the strategy map, issues → goals → strategies → projects, drawn by core (the same SVG the PDF
 * prints) from what is on screen, unsaved typing included. Below it the same tree as nested lists, for
 * screen readers and for copying text.
 */
export function MapStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  // The map wraps names with the Thai lexicon, which arrives after the first paint: drawn again then.
  const lexicon = useThaiLexicon();
  // data changes identity whenever rows change; the SVG of a large plan is worth not rebuilding otherwise.
  const svg = useMemo(
    () => strategyMapSvg(data.rows, { ...strategyMapText(t), width: SCREEN_WIDTH })[0]!,
    // lexicon: core's wrapping reads it, not this code.
    [data, t, lexicon],
  );
  return (
    <>
      <p>
        <ThaiText text={t('review.map.intro')} />
      </p>
      {/* Built by core from escaped text only (strategyMap escapes every name), so it is safe to inline. */}
      <div className="strategy-map" dangerouslySetInnerHTML={{ __html: svg }} />
      <details className="strategy-map-list">
        <summary>{t('review.map.asList')}</summary>
        <MapList data={data} />
      </details>
    </>
  );
}

const CHILD: Record<string, string | undefined> = { strategicIssue: 'goal', goal: 'strategy', strategy: 'project' };

function MapList({ data }: { data: PlanData }) {
  const { t } = useTranslation();
  const numbers = numbering(data.rows);
  const list = (rows: readonly Row[]) =>
    rows.length === 0 ? null : (
      <ol>
        {rows.map((row) => {
          const child = CHILD[row.entity];
          return (
            <li key={row.id}>
              <span className="row-number">{numbers.get(row.id)}</span>{' '}
              {String(data.value(row, 'name') ?? '').trim() || t('review.unnamed')}
              {child && list(data.list(child as Row['entity'], row.id))}
            </li>
          );
        })}
      </ol>
    );
  return list(data.list('strategicIssue')) ?? <p>{t('review.map.empty')}</p>;
}
