import { useCallback, useEffect, useState } from 'react';

/** Three places, kept in the URL hash so a reload stays where the user was (and the ?token query survives). */
export type Route = { name: 'home' } | { name: 'new' } | { name: 'plan'; id: string };

export function parseHash(hash: string): Route {
  const [, name, id] = hash.replace(/^#/, '').split('/');
  if (name === 'new') return { name: 'new' };
  if (name === 'plan' && id) return { name: 'plan', id };
  return { name: 'home' };
}

export function routeHash(route: Route): string {
  return route.name === 'plan' ? `#/plan/${route.id}` : route.name === 'new' ? '#/new' : '#/';
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
