import { statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

/**
 * Serving the built renderer: shared by Electron's app:// protocol and the loopback bridge, so one
 * path-traversal check guards both.
 */

/** The renderer's policy; renderer/index.html carries the same one as a meta tag. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // The bridge's page URL carries the per-run token: never send it anywhere as a referrer.
  'referrer-policy': 'no-referrer',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path (still percent-encoded, without query) names inside root, or null when it tries to
 * leave root. Dot segments (plain or encoded), backslashes, NUL, drive letters and // (an absolute path
 * glued on) are refused outright rather than normalised away: a request that needs them is an attack, never
 * the app.
 */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded) || decoded.includes('//')) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const base = resolve(root);
  const full = resolve(base, `.${decoded}`);
  return full === base || full.startsWith(base + sep) ? full : null;
}

export type StaticLookup = { kind: 'file'; path: string } | { kind: 'forbidden' } | { kind: 'not-found' };

/**
 * What to serve for a path: the file, or index.html for an app route (a path without an extension, so the
 * single-page app handles it), or nothing. A missing asset stays a 404 instead of HTML served as script.
 */
export function lookupStatic(root: string, rawPath: string): StaticLookup {
  const full = resolveStaticPath(root, rawPath);
  if (full === null) return { kind: 'forbidden' };
  if (isFile(full)) return { kind: 'file', path: full };
  const index = resolve(root, 'index.html');
  if (extname(full) === '' && isFile(index)) return { kind: 'file', path: index };
  return { kind: 'not-found' };
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
