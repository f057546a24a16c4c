import { z } from 'zod';
import { BRIDGE_API_PREFIX, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_PARAM } from '../../main/core/bridge.ts';
import { CHANNELS, type Api, type Channel } from '../../main/core/contract.ts';
import { AppErrorShape, type Result } from '../../main/core/errors.ts';

/**
 * The one module that talks to main. In Electron the preload exposes `window.api` with exactly this shape;
 * in a browser (npm start without Electron, and the e2e tier) the same channels go over the loopback bridge.
 * Components never import this: they get an Api from ApiContext, so dom tests can inject a fake.
 */

declare global {
  interface Window {
    api?: Api;
  }
}

const TOKEN_STORAGE_KEY = 'phaen.bridgeToken';

const Envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorShape }),
]);

/** The token arrives once in the URL; sessionStorage keeps it for reloads and hash navigation. */
function bridgeToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get(BRIDGE_TOKEN_PARAM);
  if (fromUrl) sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
  return fromUrl ?? sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
}

type Call = (input: unknown) => Promise<Result<unknown>>;

function internal(channel: Channel, why: string): Result<never> {
  return { ok: false, error: { code: 'internal', detail: `${channel}: ${why}` } };
}

async function post(channel: Channel, input: unknown, token: string): Promise<Result<unknown>> {
  try {
    const response = await fetch(`${BRIDGE_API_PREFIX}${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
    });
    // The bridge answers errors (403, 400) with an envelope too; anything else is a transport failure.
    const envelope = Envelope.safeParse(await response.json().catch(() => null));
    if (envelope.success) return envelope.data as Result<unknown>;
    return internal(channel, `HTTP ${response.status} without a result envelope`);
  } catch (err) {
    // No answer at all: the program that served this page has stopped (closed, or the computer restarted). Not
    // an internal error to try again: the user must start it again and open the new address it shows.
    return { ok: false, error: { code: 'disconnected', detail: `${channel}: ${String(err)}` } };
  }
}

/** Built from CHANNELS, so a channel added to the contract is reachable here without touching this file. */
function client(call: (channel: Channel) => Call): Api {
  return Object.fromEntries(CHANNELS.map((channel) => [channel, call(channel)])) as Api;
}

function bridgeApi(): Api {
  const token = bridgeToken();
  return client((channel) => (input) => post(channel, input, token));
}

/** ipcRenderer.invoke rejects when IPC itself fails; screens only ever handle a Result. */
function electronApi(preload: Api): Api {
  return client(
    (channel) => (input) => (preload[channel] as Call)(input).catch((err: unknown) => internal(channel, String(err))),
  );
}

export const api: Api = window.api ? electronApi(window.api) : bridgeApi();
