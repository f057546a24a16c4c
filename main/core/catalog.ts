import { z } from 'zod';
import { BeYear } from './plan.ts';

/**
 * Alignment frameworks (national strategy, master plans, NESDP milestones, Bangkok plan, executive policy, PR
 * action plan) shipped as versioned data in resources/catalogs. Users add, edit and retire entries; a plan
 * keeps the catalog version it was aligned to. Facts and Thai names come from shared/reference/frameworks.md.
 */
export const CatalogItem = z.object({
  id: z.string().min(1),
  /** The number as published (1, 2, … or 1.1 for a sub-dimension). */
  code: z.string().min(1),
  titleTh: z.string().min(1),
  titleEn: z.string().optional(),
  parentId: z.string().optional(),
  /** Seen in one secondary source only (frameworks.md "verify"): shown as such so users check it. */
  verify: z.boolean().optional(),
  retired: z.boolean().default(false),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

const CatalogHead = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().min(1).max(100),
  kind: z.enum(['national-strategy', 'master-plan', 'nesdp', 'bangkok-plan', 'executive-policy', 'pr-action-plan']),
  titleTh: z.string().min(1),
  titleEn: z.string().min(1),
  startYear: BeYear,
  /** null: in force until replaced (an executive policy has no fixed end). */
  endYear: BeYear.nullable(),
  source: z.string().optional(),
});

export const Catalog = CatalogHead.extend({ items: z.array(CatalogItem) }).superRefine((c, ctx) => {
  const ids = new Set<string>();
  for (const [i, item] of c.items.entries()) {
    if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'validation.duplicateId' });
    ids.add(item.id);
  }
  for (const [i, item] of c.items.entries()) {
    if (item.parentId && !ids.has(item.parentId)) {
      ctx.addIssue({ code: 'custom', path: ['items', i, 'parentId'], message: 'validation.unknownParent' });
    }
  }
});
export type Catalog = z.infer<typeof Catalog>;

/**
 * A version in the catalog list: shipped (read-only, resources/catalogs) or saved by a user here; `latest` marks
 * the newest version of each catalog. itemCount counts entries in use (not retired).
 */
export const CatalogSummary = CatalogHead.omit({ source: true }).extend({
  shipped: z.boolean(),
  latest: z.boolean(),
  itemCount: z.number().int().nonnegative(),
});
export type CatalogSummary = z.infer<typeof CatalogSummary>;

/**
 * A user's change never rewrites a version (a plan keeps the one it was aligned to): it is saved as
 * `<version it started from>+local.<n>`, n counting up per catalog and starting version.
 */
const LOCAL_VERSION = /\+local\.(\d+)$/;

/** One version of one catalog: `<catalog id>@<version>` (the key of table catalog_versions). */
export function catalogKey(catalogId: string, version: string): string {
  return `${catalogId}@${version}`;
}

/** A version saved by a user (never a shipped one, which every installation has in resources/catalogs). */
export function isLocalVersion(version: string): boolean {
  return LOCAL_VERSION.test(version);
}

export function localVersion(from: string, taken: readonly string[]): string {
  const root = from.replace(LOCAL_VERSION, '');
  const numbers = taken
    .filter((v) => v.replace(LOCAL_VERSION, '') === root)
    .map((v) => Number(LOCAL_VERSION.exec(v)?.[1] ?? 0));
  return `${root}+local.${Math.max(0, ...numbers) + 1}`;
}
