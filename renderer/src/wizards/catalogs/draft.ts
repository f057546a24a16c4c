import type { CatalogItem } from '../../../../main/core/catalog.ts';

/**
 * An edit of a catalog version, held in the editor until the user saves it as a new version: saving every
 * keystroke would make a version per letter, so this one screen has a Save button.
 */

/** Entries as read: each top-level entry followed by its sub-entries (1, 1.1, 1.2, 2, …). */
export function orderedItems(items: readonly CatalogItem[]): CatalogItem[] {
  const ids = new Set(items.map((i) => i.id));
  const top = items.filter((i) => i.parentId === undefined || !ids.has(i.parentId));
  return top.flatMap((parent) => [parent, ...items.filter((i) => i.parentId === parent.id)]);
}

/** Problems that keep the edit from being saved, as locale keys by `${itemId}.${field}`. */
export function draftIssues(items: readonly CatalogItem[]): Record<string, string> {
  const issues: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const item of items) {
    if (item.titleTh.trim() === '') issues[`${item.id}.titleTh`] = 'validation.required';
    const code = item.code.trim();
    if (code === '') issues[`${item.id}.code`] = 'validation.required';
    else if (!item.retired) {
      // Retired entries keep their old codes, so a new entry may reuse one.
      if (seen.has(code)) issues[`${item.id}.code`] = 'catalogs.duplicateCode';
      seen.set(code, item.id);
    }
  }
  return issues;
}

/** The next free code under a parent: "8" after 1–7, "7.6" after 7.1–7.5. */
export function nextCode(items: readonly CatalogItem[], parent: CatalogItem | undefined): string {
  const siblings = items.filter((i) => i.parentId === parent?.id);
  const last = Math.max(0, ...siblings.map((i) => Number(i.code.split('.').at(-1)) || 0));
  return parent ? `${parent.code}.${last + 1}` : String(last + 1);
}

/** The catalog without the whitespace people type around values; absent English stays absent. */
export function cleaned(items: readonly CatalogItem[]): CatalogItem[] {
  return items.map((i) => {
    const { titleEn, ...rest } = i;
    const en = titleEn?.trim();
    return { ...rest, code: i.code.trim(), titleTh: i.titleTh.trim(), ...(en ? { titleEn: en } : {}) };
  });
}
