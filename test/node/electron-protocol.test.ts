import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appResponse, registerAppScheme, serveApp } from '../../main/electron/protocol.ts';
import { lookupStatic, resolveStaticPath } from '../../main/services/staticFiles.ts';
import { useTempDir } from '../harness/tmp.ts';

const electron = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }));
vi.mock('electron', () => ({ protocol: electron }));

const tempDir = useTempDir();

function rendererDir(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'out', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'out', 'index.html'), '<!doctype html><title>phaen</title>');
  writeFileSync(join(dir, 'out', 'assets', 'app.js'), 'export {}');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  return join(dir, 'out');
}

describe('static path check (app:// and the bridge)', () => {
  const root = resolve('/srv/app');

  it('maps ordinary paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(root);
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/fonts/%E0%B8%AA.ttf')).toBe(join(root, 'fonts', 'ส.ttf'));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/.%2e/etc/passwd',
    '/..%5c..%5cwindows',
    '/assets\\..\\..\\x',
    '/index.html%00.js',
    '/C:/Windows/win.ini',
    '//etc/passwd',
    '/%2Fetc%2Fpasswd',
    '/%E0%A4%A',
    'assets/app.js',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });

  it('falls back to index.html for app routes but not for missing assets', () => {
    const dir = rendererDir();
    expect(lookupStatic(dir, '/assets/app.js')).toEqual({ kind: 'file', path: join(dir, 'assets', 'app.js') });
    expect(lookupStatic(dir, '/plans/123')).toEqual({ kind: 'file', path: join(dir, 'index.html') });
    expect(lookupStatic(dir, '/assets/gone.js')).toEqual({ kind: 'not-found' });
    expect(lookupStatic(dir, '/../secret.txt')).toEqual({ kind: 'forbidden' });
  });
});

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetch-capable scheme and handles it', async () => {
    registerAppScheme();
    expect(electron.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const dir = rendererDir();
    serveApp(dir);
    const [scheme, handler] = electron.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://phaen/index.html'));
    expect(await response.text()).toContain('<title>phaen</title>');
  });

  it('serves the renderer with content type and CSP, and nothing outside it or for another host', async () => {
    const dir = rendererDir();
    const script = await appResponse(dir, new Request('app://phaen/assets/app.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await appResponse(dir, new Request('app://other/index.html'))).status).toBe(404);
    const escape = await appResponse(dir, new Request('app://phaen/..%5csecret.txt'));
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('SECRET');
    expect((await appResponse(dir, new Request('app://phaen/index.html', { method: 'POST' }))).status).toBe(405);
  });
});
