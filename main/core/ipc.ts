import type { Channel } from './contract.ts';

/**
 * The Electron side of the contract: main registers `phaen:<channel>` for every CHANNELS entry and preload
 * invokes the same names. The prefix keeps our channels apart from anything Electron or a library registers.
 */
export const IPC_PREFIX = 'phaen:';

export function ipcChannel(channel: Channel): string {
  return IPC_PREFIX + channel;
}

/** The renderer's origin inside Electron (a custom protocol, not file://); IPC is accepted only from here. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'phaen';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
