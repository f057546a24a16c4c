import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { CHANNELS, type Api, type AppStatus, type Channel, type Input, type Output } from '../../main/core/contract.ts';
import type { Result } from '../../main/core/errors.ts';
import type { Plan } from '../../main/core/plan.ts';
import { ApiContext } from '../../renderer/src/ApiContext.tsx';
import type { ToastMessage } from '../../renderer/src/components/Toast.tsx';
import { i18n } from '../../renderer/src/i18n.ts';
import { ShellContext, type Shell } from '../../renderer/src/shell.ts';

type Responders = { [C in Channel]?: (input: Input<C>) => Result<Output<C>> };

export interface FakeApi {
  api: Api;
  calls: { channel: Channel; input: unknown }[];
  callsTo<C extends Channel>(channel: C): Input<C>[];
}

export const ok = <T,>(data: T): Result<T> => ({ ok: true, data });

/** A stand-in for main that records every call; channels without a responder answer 'internal'. */
export function fakeApi(responders: Responders): FakeApi {
  const calls: FakeApi['calls'] = [];
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (input: unknown) => {
        calls.push({ channel, input });
        const respond = responders[channel] as ((input: unknown) => Result<unknown>) | undefined;
        return respond ? respond(input) : { ok: false, error: { code: 'internal', detail: `fake: no ${channel}` } };
      },
    ]),
  ) as Api;
  const callsTo = <C extends Channel>(channel: C) =>
    calls.filter((c) => c.channel === channel).map((c) => c.input as Input<C>);
  return { api, calls, callsTo };
}

export function fakeShell(): Shell {
  return {
    navigate: vi.fn(),
    notify: vi.fn(),
    undo: vi.fn(async () => {}),
    redo: vi.fn(async () => {}),
    setStatus: vi.fn(),
  };
}

/** The last message a screen gave the shell, its text in the current language (a text may follow the language). */
export function lastToast(shell: Shell): Omit<ToastMessage, 'text'> & { text: string } {
  const toast = vi.mocked(shell.notify).mock.calls.at(-1)?.[0];
  if (!toast) throw new Error('no message was shown');
  return { ...toast, text: typeof toast.text === 'string' ? toast.text : toast.text(i18n.t) };
}

export function renderWith(ui: ReactNode, api: Api, shell: Shell = fakeShell()): RenderResult {
  return render(
    <ApiContext.Provider value={api}>
      <ShellContext.Provider value={shell}>{ui}</ShellContext.Provider>
    </ApiContext.Provider>,
  );
}

export const samplePlan: Plan = {
  id: '0b6c1f0e-3f55-4f7e-9a43-6d2f8c1a9b10',
  organisation: 'สำนักงานประชาสัมพันธ์',
  title: 'แผนยุทธศาสตร์การประชาสัมพันธ์',
  startYear: 2566,
  endYear: 2570,
  prevStartYear: 2563,
  prevEndYear: 2565,
  isSample: false,
  createdBy: 'office-1',
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

export const openStatus: AppStatus = {
  database: { state: 'open', path: '/data/phaen.sqlite', officeId: 'office-1' },
  backups: [],
  hasDialogs: false,
  version: '0.1.0',
};
