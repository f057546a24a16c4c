import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_TOKEN_HEADER } from '../../main/core/bridge.ts';
import { CHANNELS } from '../../main/core/contract.ts';

/** The client module, in browser mode (no window.api): what it sends over the loopback bridge. */

async function loadApi() {
  vi.resetModules();
  return (await import('../../renderer/src/api.ts')).api;
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('api client over the bridge', () => {
  it('has a function for every channel and posts JSON with the token from the page URL', async () => {
    window.history.replaceState(null, '', '/?token=secret-1');
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ ok: true, data: { language: 'en', thaiDigits: false } })),
    );
    vi.stubGlobal('fetch', fetch);
    const api = await loadApi();

    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(await api['settings.set']({ language: 'en' })).toEqual({
      ok: true,
      data: { language: 'en', thaiDigits: false },
    });
    expect(fetch).toHaveBeenCalledWith('/api/settings.set', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: 'secret-1' },
      body: JSON.stringify({ language: 'en' }),
    });
  });

  it('keeps the token for a reload whose URL no longer carries it', async () => {
    window.history.replaceState(null, '', '/?token=secret-2');
    await loadApi();
    window.history.replaceState(null, '', '/#/plan/x');
    const fetch = vi.fn(
      async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ ok: true, data: [] })),
    );
    vi.stubGlobal('fetch', fetch);
    await (await loadApi())['plans.list']({});
    expect(new Headers(fetch.mock.calls[0]?.[1].headers).get(BRIDGE_TOKEN_HEADER)).toBe('secret-2');
  });

  it('says the connection to the program was lost when nothing answers, and internal error for a non-envelope answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const down = await (await loadApi())['app.status']({});
    expect(down.ok === false && down.error.code).toBe('disconnected');

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>502</html>', { status: 502 })),
    );
    const proxy = await (await loadApi())['app.status']({});
    expect(proxy.ok === false && proxy.error.code).toBe('internal');
  });

  it('passes an error envelope from main through unchanged', async () => {
    const error = { code: 'forbidden', detail: 'missing or wrong token' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ ok: false, error }), { status: 403 })),
    );
    expect(await (await loadApi())['plans.list']({})).toEqual({ ok: false, error });
  });
});
