import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, CatalogItem, CatalogSummary } from '../../../../main/core/catalog.ts';
import type { AppErrorShape } from '../../../../main/core/errors.ts';
import type { FrameworkChoice } from '../../../../main/core/situation.ts';
import { useApi } from '../../ApiContext.tsx';
import { usePlanData } from '../../plan/PlanData.tsx';

/** Framework catalogs as the wizards load them from main: the list of versions, or one version. */

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: AppErrorShape } | { state: 'ready'; value: T };

export function useCatalogList(): [Loaded<CatalogSummary[]>, () => Promise<void>] {
  const api = useApi();
  const [list, setList] = useState<Loaded<CatalogSummary[]>>({ state: 'loading' });
  const reload = useCallback(async () => {
    const result = await api['catalogs.list']({});
    setList(result.ok ? { state: 'ready', value: result.data } : { state: 'failed', error: result.error });
  }, [api]);
  useEffect(() => void reload(), [reload]);
  return [list, reload];
}

/** One version; versions never change once saved, so what was loaded stays true. */
export function useCatalog(choice: FrameworkChoice | undefined): Loaded<Catalog> | null {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<Catalog> } | null>(null);
  const catalogId = choice?.catalogId;
  const version = choice?.version;
  const key = `${catalogId}@${version}`;
  useEffect(() => {
    if (catalogId === undefined || version === undefined) return;
    let live = true;
    void api['catalogs.get']({ catalogId, version }).then((r) => {
      const value: Loaded<Catalog> = r.ok ? { state: 'ready', value: r.data } : { state: 'failed', error: r.error };
      if (live) setLoaded({ key: `${catalogId}@${version}`, value });
    });
    return () => {
      live = false;
    };
  }, [api, catalogId, version]);
  if (!choice) return null;
  return loaded?.key === key ? loaded.value : { state: 'loading' };
}

/**
 * The plan's chosen catalogs as shown now (an unsent choice included) and a setter that saves at once: a
 * choice is one click, not typing, so there is nothing to debounce. The first choice of a plan creates its
 * options row; until main answers, the choice shows from here so the radio button does not spring back.
 */
export function useFrameworkChoices(): [readonly FrameworkChoice[], (next: FrameworkChoice[]) => Promise<void>] {
  const data = usePlanData();
  const [creating, setCreating] = useState<FrameworkChoice[] | null>(null);
  const row = data.rows.find((r) => r.entity === 'planOptions');
  const saved = row ? (data.value(row, 'frameworkCatalogs') as FrameworkChoice[]) : data.options.frameworkCatalogs;
  const set = async (next: FrameworkChoice[]) => {
    if (!row) setCreating(next);
    await data.setOption('frameworkCatalogs', next);
    await data.flush();
    setCreating(null);
  };
  return [creating ?? saved, set];
}

/**
 * Titles in the interface language; catalogs without an English title show the Thai one. The language is read
 * when a title is asked for, not when the hook ran: an undo notice names a catalog entry again after a switch.
 */
export function useCatalogText() {
  const { i18n, t } = useTranslation();
  const english = () => i18n.language === 'en';
  return {
    title: (c: Pick<CatalogSummary, 'titleTh' | 'titleEn'>) => (english() ? c.titleEn : c.titleTh),
    item: (i: CatalogItem) => (english() && i.titleEn ? i.titleEn : i.titleTh),
    /** "2556+local.1" as people say it: the version edited from, and which local edit. */
    version: (v: string) => {
      const local = /^(.*)\+local\.(\d+)$/.exec(v);
      return local ? t('catalogs.localVersion', { from: local[1], n: local[2] }) : v;
    },
    period: (c: Pick<CatalogSummary, 'startYear' | 'endYear'>) =>
      c.endYear === null
        ? t('catalogs.periodOpen', { start: c.startYear })
        : t('catalogs.period', { start: c.startYear, end: c.endYear }),
  };
}
