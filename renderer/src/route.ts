import { useCallback, useEffect, useState } from 'react';

import { WIZARD_IDS, type WizardId } from './wizard/types.ts';

/** Places kept in the URL hash, so a reload stays where the user was (and the ?token query survives). */
export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'plan'; id: string }
  /** The plan's exchange with other offices (renderer/src/exchange). */
  | { name: 'exchange'; id: string }
  /** `rowId`: a row to scroll to and focus on the step (a completeness item's link, useFocusRow). */
  | { name: 'wizard'; id: string; wizard: WizardId; step: number; rowId?: string };

export function parseHash(hash: string): Route {
  const [, name, id, wizard, step, rowId] = hash.replace(/^#/, '').split('/');
  if (name === 'new') return { name: 'new' };
  if (name === 'plan' && id && wizard === 'exchange') return { name: 'exchange', id };
  if (name === 'plan' && id && wizard && (WIZARD_IDS as readonly string[]).includes(wizard)) {
    const route = { name: 'wizard', id, wizard: wizard as WizardId, step: Math.max(0, Number(step) - 1 || 0) } as const;
    return rowId ? { ...route, rowId: safeDecode(rowId) } : route;
  }
  if (name === 'plan' && id) return { name: 'plan', id };
  return { name: 'home' };
}

/** A hand-edited hash with a stray % must not throw: the id is taken as typed. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Steps are numbered from 1 in the URL, as on screen; row ids (`${kpiId}:2566`) are URI-encoded. */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'wizard':
      return `#/plan/${route.id}/${route.wizard}/${route.step + 1}${route.rowId ? `/${encodeURIComponent(route.rowId)}` : ''}`;
    case 'plan':
      return `#/plan/${route.id}`;
    case 'exchange':
      return `#/plan/${route.id}/exchange`;
    case 'new':
      return '#/new';
    case 'home':
      return '#/';
  }
}

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
    // Set state directly too: hashchange is async, and jsdom tests should not depend on it.
    setRoute(next);
  }, []);
  return [route, navigate];
}
