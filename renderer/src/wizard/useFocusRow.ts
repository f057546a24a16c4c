import { useEffect } from 'react';
import './rowFocus.css';

/** How long to wait for the row to appear (a catalog to load, a long list to render) before giving up. */
const WAIT_MS = 10_000;

/**
 * The ids to look for, most precise first: a fixed-id row (`${kpiId}:2566`, `${issueId}:${catalog}:${item}`)
 * that has no element of its own on the step falls back to its parent's (the KPI's row, the row).
 */
function candidates(rowId: string): string[] {
  const parts = rowId.split(':');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join(':'));
}

function findRow(ids: readonly string[]): HTMLElement | undefined {
  // Compared as strings, not put in a selector: an id from the URL must not need escaping.
  const shown = [...document.querySelectorAll<HTMLElement>('[data-row-id]')];
  for (const id of ids) {
    const found = shown.find((el) => el.dataset.rowId === id);
    if (found) return found;
  }
  return undefined;
}

/** The row's first field to type in; a row without one (a list of links) is focused itself. */
function focusTarget(row: HTMLElement): HTMLElement {
  const field = row.querySelector<HTMLElement>(
    'input:not([disabled]), textarea:not([disabled]), select:not([disabled])',
  );
  if (field) return field;
  row.tabIndex = -1;
  return row;
}

/**
 * After a link to one row (route `#/plan/<id>/<wizard>/<step>/<rowId>`, e.g. from the completeness panel),
 * scroll to the element with `data-row-id` and put the cursor in its first field, flashing the row so the
 * eye finds it. Steps render rows when their data arrives, so it watches the page until the row appears.
 * Runs after the wizard has focused the step heading, and so takes the focus from it.
 */
export function useFocusRow(rowId: string | undefined, step: number): void {
  useEffect(() => {
    if (!rowId) return;
    const ids = candidates(rowId);
    const land = (): boolean => {
      const row = findRow(ids);
      if (!row) return false;
      row.scrollIntoView({ block: 'center' });
      focusTarget(row).focus({ preventScroll: true });
      row.classList.add('row-target');
      row.addEventListener('animationend', () => row.classList.remove('row-target'), { once: true });
      return true;
    };
    if (land()) return;
    const observer = new MutationObserver(() => {
      if (land()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [rowId, step]);
}

/**
 * After an add button made a row: the cursor goes into the new row's first field as soon as it shows, so the
 * keyboard carries on typing (the row appears when main answers).
 */
export function focusNewRow(rowId: string): void {
  const land = (): boolean => {
    const row = findRow([rowId]);
    if (row) focusTarget(row).focus();
    return row !== undefined;
  };
  if (land()) return;
  const observer = new MutationObserver(() => {
    if (land()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WAIT_MS);
}
