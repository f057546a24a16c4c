import { createContext, useContext } from 'react';
import type { AppStatus } from '../../main/core/contract.ts';
import type { ToastMessage } from './components/Toast.tsx';
import type { Route } from './route.ts';

/** What every screen may ask of the app shell: go somewhere, tell the user something, undo, new status. */
export interface Shell {
  navigate(route: Route): void;
  notify(toast: ToastMessage | null): void;
  /** Undo or redo the newest action in a plan's history (the plan on screen when not given). */
  undo(planId?: string): Promise<void>;
  redo(planId?: string): Promise<void>;
  setStatus(status: AppStatus): void;
}

export const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell outside ShellContext.Provider');
  return shell;
}
