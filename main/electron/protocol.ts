import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../core/ipc.ts';
import { contentType, lookupStatic, SECURITY_HEADERS } from '../services/staticFiles.ts';

/**
 * app:// instead of file://: file:// would let the page read any file its URL names, and gives every local
 * file the same origin. Privileges can only be granted before the app is ready: standard (a real origin and
 * relative URLs), secure (a secure context, like https), supportFetchAPI (fetch of our own assets).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request));
}

/** The built renderer, through the same path check as the loopback bridge. */
export async function appResponse(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return text(404, 'not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'GET only');
  const found = lookupStatic(rendererDir, url.pathname);
  if (found.kind === 'forbidden') return text(403, 'forbidden');
  if (found.kind === 'not-found') return text(404, 'not found');
  const body = request.method === 'HEAD' ? null : await readFile(found.path);
  return new Response(body, { headers: { ...SECURITY_HEADERS, 'content-type': contentType(found.path) } });
}

function text(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}
