import type { Catalog } from '../../../../main/core/catalog.ts';
import { choiceOfKind } from '../../../../main/core/situation.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { useCatalog, useCatalogList } from '../catalogs/useCatalogs.ts';

export type BangkokPlan =
  | { state: 'loading' }
  | { state: 'failed' }
  /** The plan aligns to no version of the Bangkok plan: the matrix has no columns. */
  | { state: 'none' }
  | { state: 'ready'; catalog: Catalog };

/** The version of the Bangkok 20-year plan this plan chose in set-up: the matrix's columns. */
export function useBangkokPlan(): BangkokPlan {
  const data = usePlanData();
  const [list] = useCatalogList();
  const choice =
    list.state === 'ready' ? choiceOfKind(data.options.frameworkCatalogs, list.value, 'bangkok-plan') : undefined;
  const catalog = useCatalog(choice);
  if (list.state === 'failed' || catalog?.state === 'failed') return { state: 'failed' };
  if (list.state === 'loading' || catalog?.state === 'loading') return { state: 'loading' };
  if (!catalog) return { state: 'none' };
  return { state: 'ready', catalog: catalog.value };
}
