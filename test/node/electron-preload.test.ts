import { describe, expect, it, vi } from 'vitest';
import { type Api, CHANNELS } from '../../main/core/contract.ts';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async () => ({ ok: true, data: [] })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke },
}));

describe('preload', () => {
  it('exposes window.api with exactly the contract channels, each invoking phaen:<channel>', async () => {
    await import('../../preload/index.ts');
    expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.exposeInMainWorld.mock.calls[0] as unknown as [string, Api];
    expect(name).toBe('api');
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');

    await expect(api['plans.list']({})).resolves.toEqual({ ok: true, data: [] });
    expect(electron.invoke).toHaveBeenLastCalledWith('phaen:plans.list', {});
    await api['plans.get']({ id: 'x' });
    expect(electron.invoke).toHaveBeenLastCalledWith('phaen:plans.get', { id: 'x' });
  });
});
