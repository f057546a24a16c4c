import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../services/staticFiles.ts';

/**
 * Electron's security checklist for an app that needs nothing from the web: it never navigates, opens
 * windows, embeds webviews or asks for a permission, so every such request is an attack or a bug.
 */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // The policy as a header on every response, not only the meta tag, which a page could be loaded without.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
