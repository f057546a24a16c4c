import { createContext, useContext } from 'react';
import type { Api } from '../../main/core/contract.ts';

/** Components reach main only through this context: the app provides the real client, dom tests a fake. */
export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext.Provider');
  return api;
}
