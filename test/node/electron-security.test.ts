import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenContents, hardenSession } from '../../main/electron/security.ts';
import { CONTENT_SECURITY_POLICY } from '../../main/services/staticFiles.ts';

// security.ts needs only Electron's types; the mock makes sure no test ever loads the real module.
vi.mock('electron', () => ({}));

function fakeContents() {
  const contents = Object.assign(new EventEmitter(), {
    openHandler: undefined as unknown,
    setWindowOpenHandler: vi.fn(),
  });
  contents.setWindowOpenHandler.mockImplementation((handler: unknown) => (contents.openHandler = handler));
  return contents;
}

describe('security', () => {
  it('denies navigation, window.open and webview attachment', () => {
    const contents = fakeContents();
    hardenContents(contents as unknown as WebContents);
    for (const name of ['will-navigate', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    const openHandler = contents.openHandler as (details: { url: string }) => { action: string };
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'app://phaen/index.html' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check, and adds the CSP header to responses', () => {
    let request: ((c: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    let headers: ((details: unknown, callback: (response: unknown) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      webRequest: { onHeadersReceived: (h: typeof headers) => (headers = h) },
    };
    hardenSession(session as unknown as Session);

    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check!({}, permission, 'app://phaen')).toBe(false);
    }
    const callback = vi.fn();
    headers!({ url: 'app://phaen/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});
