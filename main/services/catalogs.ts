import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog, catalogKey, localVersion, type CatalogSummary } from '../core/catalog.ts';
import { AppError, fieldIssues } from '../core/errors.ts';
import type { Store } from './store/store.ts';

/**
 * Framework catalogs: the versions shipped in resources/catalogs (read-only) and the versions users saved here
 * (table catalog_versions). Versions are never rewritten, so a plan's planOptions.frameworkCatalogs
 * ({catalogId, version}) resolves to what it was aligned to for as long as the database lives.
 */

/** Shipped catalogs by resources folder: read and checked once per run, not per request. */
const shipped = new Map<string, readonly Catalog[]>();

export function shippedCatalogs(resourcesDir: string): readonly Catalog[] {
  let catalogs = shipped.get(resourcesDir);
  if (!catalogs) {
    const dir = join(resourcesDir, 'catalogs');
    catalogs = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => Catalog.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
    shipped.set(resourcesDir, catalogs);
  }
  return catalogs;
}

/** Saved versions in the order they were saved. */
function localCatalogs(store: Store): Catalog[] {
  const contents = store.db.prepare('SELECT content FROM catalog_versions ORDER BY rowid').pluck().all() as string[];
  return contents.map((c) => Catalog.parse(JSON.parse(c)));
}

interface Version {
  readonly catalog: Catalog;
  readonly shipped: boolean;
}

/** Every version, each catalog's shipped one first and its saved ones after it: the last is the latest. */
function allVersions(store: Store, resourcesDir: string): Version[] {
  return [
    ...shippedCatalogs(resourcesDir).map((catalog) => ({ catalog, shipped: true })),
    ...localCatalogs(store).map((catalog) => ({ catalog, shipped: false })),
  ];
}

export function listCatalogs(store: Store, resourcesDir: string): CatalogSummary[] {
  const versions = allVersions(store, resourcesDir);
  const latest = new Map(versions.map((v) => [v.catalog.id, v.catalog.version]));
  return versions
    .map(({ catalog: { id, version, kind, titleTh, titleEn, startYear, endYear, items }, shipped }) => ({
      id,
      version,
      kind,
      titleTh,
      titleEn,
      startYear,
      endYear,
      shipped,
      latest: latest.get(id) === version,
      itemCount: items.filter((i) => !i.retired).length,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function getCatalog(store: Store, resourcesDir: string, catalogId: string, version: string): Catalog {
  const found = allVersions(store, resourcesDir).find(
    (v) => v.catalog.id === catalogId && v.catalog.version === version,
  );
  if (!found) throw new AppError('not-found', `catalog ${catalogId} version ${version}`);
  return found.catalog;
}

/**
 * Save a user's edit (entries added, changed or retired with `retired: true`) as a new local version; the
 * catalog's `version` names the version it was edited from. Returns the saved catalog with its new version.
 * A known catalog must start from one of its versions and keep every entry of it: a plan aligned to an entry
 * must still find it, so entries are retired rather than removed.
 */
export function saveCatalogVersion(store: Store, resourcesDir: string, input: unknown): Catalog {
  const parsed = Catalog.safeParse(input);
  if (!parsed.success) {
    const fields = fieldIssues(parsed.error);
    throw new AppError('invalid-input', `catalog: ${JSON.stringify(fields)}`, fields);
  }
  const catalog = parsed.data;
  const versions = allVersions(store, resourcesDir).filter((v) => v.catalog.id === catalog.id);
  if (versions.length > 0) requireEditOf(versions, catalog);
  const saved = {
    ...catalog,
    version: localVersion(
      catalog.version,
      versions.map((v) => v.catalog.version),
    ),
  };
  insertCatalogVersion(store, saved, new Date(), store.officeId);
  return saved;
}

/** A version saved here (by a user, or received in a plan package), as it was saved; undefined if not here. */
export function savedCatalogVersion(store: Store, catalogId: string, version: string): Catalog | undefined {
  const content = store.db
    .prepare('SELECT content FROM catalog_versions WHERE id = ?')
    .pluck()
    .get(catalogKey(catalogId, version)) as string | undefined;
  return content === undefined ? undefined : Catalog.parse(JSON.parse(content));
}

/** Append a version (the caller made sure none with its key is here): the last saved is a catalog's latest. */
export function insertCatalogVersion(store: Store, catalog: Catalog, createdAt: Date, createdBy: string): void {
  store.db
    .prepare(
      'INSERT INTO catalog_versions (id, catalog_id, version, content, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(
      catalogKey(catalog.id, catalog.version),
      catalog.id,
      catalog.version,
      JSON.stringify(catalog),
      createdAt.toISOString(),
      createdBy,
    );
}

function requireEditOf(versions: readonly Version[], catalog: Catalog): void {
  const from = versions.find((v) => v.catalog.version === catalog.version)?.catalog;
  if (!from) {
    throw new AppError('invalid-input', `catalog ${catalog.id} has no version ${catalog.version} to edit`, {
      version: 'validation.invalid',
    });
  }
  const kept = new Set(catalog.items.map((i) => i.id));
  const removed = from.items.filter((i) => !kept.has(i.id)).map((i) => i.id);
  if (removed.length > 0) {
    throw new AppError(
      'invalid-input',
      `catalog ${catalog.id}: retire entries rather than remove ${removed.join(', ')}`,
      {
        items: 'validation.invalid',
      },
    );
  }
}
