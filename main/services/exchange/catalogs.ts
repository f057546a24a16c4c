import { canonicalJson } from '../../core/exchange/canonical.ts';
import { catalogKey, isLocalVersion, type Catalog } from '../../core/catalog.ts';
import { PackageError, type PackageFile } from '../../core/exchange/format.ts';
import { insertCatalogVersion, savedCatalogVersion } from '../catalogs.ts';
import type { Store } from '../store/store.ts';

/**
 * Framework catalog versions travelling with a plan package. A secretariat that edited a catalog (saved a
 * `…+local.<n>` version) and aligned the plan to it sends that version along, so an office's alignment matrix
 * and printed chapter 5 read the same entries. Shipped versions stay behind: every installation has them.
 */

interface FrameworkRef {
  catalogId: string;
  version: string;
}

/** The user-saved versions the plan's planOptions.frameworkCatalogs names, as this workspace holds them. */
export function planCatalogs(store: Store, planId: string): Catalog[] {
  const options = store.db
    .prepare("SELECT data FROM rows WHERE plan_id = ? AND entity = 'planOptions' AND deleted = 0")
    .pluck()
    .all(planId) as string[];
  const refs = options.flatMap(
    (data) => (JSON.parse(data) as { frameworkCatalogs?: FrameworkRef[] }).frameworkCatalogs ?? [],
  );
  const out = new Map<string, Catalog>();
  for (const { catalogId, version } of refs) {
    const key = catalogKey(catalogId, version);
    if (out.has(key) || !isLocalVersion(version)) continue;
    const catalog = savedCatalogVersion(store, catalogId, version);
    if (catalog) out.set(key, catalog);
  }
  return [...out.values()].sort((a, b) => (catalogKey(a.id, a.version) < catalogKey(b.id, b.version) ? -1 : 1));
}

/**
 * The carried versions not here yet, refusing the package when one has the name (catalog id and version) of a
 * version here (plan packages before it in the same import included) but other content.
 *
 * Why refuse rather than keep ours and import the rest: versions are never rewritten (a plan aligned to ours
 * must keep reading it), so overwriting is out; and importing the plan while keeping ours would show, and
 * print in chapter 5, entries the secretariat never chose under the version name it chose: a wrong official
 * document that looks right. Refusing writes nothing and says what fixes it: the secretariat saves the catalog
 * as a new version, aligns the plan to that and sends again. (Two installations number their local versions
 * independently, so an office that edited the same catalog itself is how this comes about.)
 */
export function newCatalogs(store: Store, file: PackageFile): Catalog[] {
  const fresh: Catalog[] = [];
  for (const catalog of file.payload.catalogs ?? []) {
    const key = catalogKey(catalog.id, catalog.version);
    const here = savedCatalogVersion(store, catalog.id, catalog.version);
    if (here === undefined) fresh.push(catalog);
    else if (canonicalJson(here) !== canonicalJson(catalog)) {
      throw new PackageError('catalog-conflict', `catalog ${key} differs from the version with that name here`);
    }
  }
  return fresh;
}

/** Store checked versions; inside the import's transaction, so they come in with the plan or not at all. */
export function storeCatalogs(store: Store, catalogs: readonly Catalog[], sender: string, now: Date): void {
  for (const catalog of catalogs) insertCatalogVersion(store, catalog, now, sender);
}
