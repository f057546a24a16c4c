import { contextBridge, ipcRenderer } from 'electron';
import { type Api, CHANNELS } from '../main/core/contract.ts';
import { ipcChannel } from '../main/core/ipc.ts';

/**
 * window.api: one function per contract channel and nothing else. The renderer never sees ipcRenderer, so it
 * cannot invoke a channel main did not register or listen to Electron's own ones.
 */
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(ipcChannel(channel), input)]),
) as Api;

contextBridge.exposeInMainWorld('api', api);
