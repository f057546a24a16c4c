import { useCallback, useEffect, useState } from 'react';

import { WIZARD_IDS, type WizardId } from './wizard/types.ts';

/** Places kept in the URL hash, so a reload stays where the user was (and the ?token query survives). */
export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'plan'; id: string }
  | { name: 'wizard'; id: string; wizard: WizardId; step: number };

export function parseHash(hash: string): Route {
  const [, name, id, wizard, step] = hash.replace(/^#/, '').split('/');
  if (name === 'new') return { name: 'new' };
  if (name === 'plan' && id && wizard && (WIZARD_IDS as readonly string[]).includes(wizard)) {
    return { name: 'wizard', id, wizard: wizard as WizardId, step: Math.max(0, Number(step) - 1 || 0) };
  }
  if (name === 'plan' && id) return { name: 'plan', id };
  return { name: 'home' };
}

/** Steps are numbered from 1 in the URL, as on screen. */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'wizard':
      return `#/plan/${route.id}/${route.wizard}/${route.step + 1}`;
    case 'plan':
      return `#/plan/${route.id}`;
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
