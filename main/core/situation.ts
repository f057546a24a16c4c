import type { Catalog, CatalogItem, CatalogSummary } from './catalog.ts';
import type { Row, RowData } from './rows.ts';

/**
 * Situation analysis against the Bangkok 20-year plan (wizard 3): which of the organisation's missions
 * (พันธกิจ) serves which plan dimension (มิติ), and which dimensions nobody serves (gaps). Also the plan's
 * choice of framework catalogs (set-up wizard), since the matrix's columns come from it.
 */

export type FrameworkChoice = RowData<'planOptions'>['frameworkCatalogs'][number];
export type CatalogKind = CatalogSummary['kind'];

/** The matrix's columns: the catalog's top-level entries still in use, in published order. */
export function matrixDimensions(catalog: Catalog): CatalogItem[] {
  return catalog.items.filter((item) => item.parentId === undefined && !item.retired);
}

export interface DimensionCoverage {
  readonly dimension: CatalogItem;
  /** Missions serving the dimension, in mission order. */
  readonly missionIds: readonly string[];
  /** Share of all missions that serve it, 0–1; 0 when there are no missions (not NaN). */
  readonly share: number;
}

export interface SituationMatrix {
  readonly dimensions: readonly DimensionCoverage[];
  /** Dimensions no mission serves: findings for the plan, not errors. */
  readonly gaps: readonly CatalogItem[];
  /** Missions that serve no dimension. */
  readonly unlinkedMissionIds: readonly string[];
  /**
   * Links whose dimension is not a column here: retired since, or ticked against another version of the plan
   * (a plan switched from 2556–2575 to the revised 2561–2580, whose ids differ). Kept, never counted.
   */
  readonly strayLinks: readonly Row[];
}

export function situationMatrix(missions: readonly Row[], links: readonly Row[], catalog: Catalog): SituationMatrix {
  const dimensions = matrixDimensions(catalog);
  const columns = new Set(dimensions.map((d) => d.id));
  const missionIds = new Set(missions.map((m) => m.id));
  const counted = links.filter(
    (l) => l.parentId !== null && missionIds.has(l.parentId) && columns.has(String(l.data.catalogItemId)),
  );
  const served = (dimensionId: string) =>
    missions
      .filter((m) => counted.some((l) => l.parentId === m.id && l.data.catalogItemId === dimensionId))
      .map((m) => m.id);
  const coverage = dimensions.map((dimension) => {
    const ids = served(dimension.id);
    return { dimension, missionIds: ids, share: missions.length === 0 ? 0 : ids.length / missions.length };
  });
  const linked = new Set(counted.map((l) => l.parentId));
  return {
    dimensions: coverage,
    gaps: coverage.filter((c) => c.missionIds.length === 0).map((c) => c.dimension),
    unlinkedMissionIds: missions.filter((m) => !linked.has(m.id)).map((m) => m.id),
    strayLinks: links.filter((l) => !counted.includes(l)),
  };
}

/**
 * The plan's choice of a framework kind (the Bangkok plan: one of its versions). A plan aligns to at most
 * one catalog of each kind; choices whose catalog is not listed (yet) are not of any kind.
 */
export function choiceOfKind(
  choices: readonly FrameworkChoice[],
  summaries: readonly CatalogSummary[],
  kind: CatalogKind,
): FrameworkChoice | undefined {
  return choices.find((c) => summaries.some((s) => s.id === c.catalogId && s.kind === kind));
}

/** Set (or with null, clear) the plan's catalog of a kind, leaving the other kinds as they were. */
export function chooseForKind(
  choices: readonly FrameworkChoice[],
  summaries: readonly CatalogSummary[],
  kind: CatalogKind,
  choice: FrameworkChoice | null,
): FrameworkChoice[] {
  const others = choices.filter((c) => !summaries.some((s) => s.id === c.catalogId && s.kind === kind));
  return choice ? [...others, choice] : others;
}

/**
 * The newest version of the chosen catalog when it is not the one the plan aligned to. The plan keeps its
 * version (its links point at that version's entries) until the user switches.
 */
export function newerVersion(
  choice: FrameworkChoice,
  summaries: readonly CatalogSummary[],
): CatalogSummary | undefined {
  return summaries.find((s) => s.id === choice.catalogId && s.latest && s.version !== choice.version);
}
