import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_TOKEN_HEADER } from '../../main/core/bridge.ts';
import { type Bridge, startBridge } from '../../main/services/bridge/server.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { Session } from '../../main/services/session.ts';
import { useTempDir } from '../harness/tmp.ts';
import { bmaDraft as draft } from '../harness/store.ts';

const tempDir = useTempDir();
const resourcesDir = resolve(import.meta.dirname, '../../resources');
const running: { bridge: Bridge; session: Session }[] = [];

afterEach(async () => {
  for (const { bridge, session } of running.splice(0)) {
    await bridge.close();
    session.close();
  }
});

/** A real session on a temp dir behind the bridge; a secret file sits beside (not inside) the static folder. */
async function start() {
  const dir = tempDir();
  const staticDir = join(dir, 'www');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>phaen</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  const session = await Session.start({ dataDir: join(dir, 'data'), backupIntervalMs: 0 });
  const handlers = createHandlers({ session, dialogs: null, resourcesDir, version: '0.0.0-test' });
  const bridge = await startBridge({ handlers, staticDir });
  running.push({ bridge, session });
  return { bridge, dir };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, not fetch: fetch would normalise ../ and %2e%2e away and forbids setting Host. */
function raw(
  bridge: Bridge,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolveReply, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

async function call(bridge: Bridge, channel: string, payload: unknown, headers: Record<string, string> = {}) {
  const reply = await raw(bridge, `/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: bridge.token, ...headers },
    body: JSON.stringify(payload),
  });
  return { status: reply.status, headers: reply.headers, json: JSON.parse(reply.body) as Record<string, unknown> };
}

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 with a random port and a fresh 32-byte token in the URL', async () => {
    const { bridge } = await start();
    const { bridge: other } = await start();
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.origin).toBe(`http://127.0.0.1:${bridge.port}`);
    expect(Buffer.from(bridge.token, 'base64url')).toHaveLength(32);
    expect(other.token).not.toBe(bridge.token);
    expect(other.port).not.toBe(bridge.port);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const { bridge } = await start();
    const missing = await raw(bridge, '/api/plans.list', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await call(bridge, 'plans.list', {}, { [BRIDGE_TOKEN_HEADER]: `${bridge.token.slice(1)}x` });
    expect(wrong.status).toBe(403);
    expect((await call(bridge, 'plans.list', {})).json).toEqual({ ok: true, data: [] });
  });

  it('creates a plan over HTTP that reads back the same, with no-store on API replies', async () => {
    const { bridge } = await start();
    const created = await call(bridge, 'plans.create', draft);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.json).toMatchObject({ ok: true, data: draft });
    const id = (created.json.data as { id: string }).id;
    expect((await call(bridge, 'plans.get', { id })).json).toEqual(created.json);
    expect((await call(bridge, 'plans.list', {})).json).toMatchObject({ ok: true, data: [{ id, title: draft.title }] });
  });

  it('answers a payload that fails its schema with invalid-input and writes nothing', async () => {
    const { bridge } = await start();
    const bad = await call(bridge, 'plans.create', { ...draft, startYear: 'two thousand', extra: true });
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const notJson = await raw(bridge, '/api/plans.create', {
      method: 'POST',
      headers: { [BRIDGE_TOKEN_HEADER]: bridge.token },
      body: '{"title":',
    });
    expect(notJson.status).toBe(400);
    expect((await call(bridge, 'plans.list', {})).json).toEqual({ ok: true, data: [] });
    expect((await call(bridge, 'history.undo', {})).json).toMatchObject({
      ok: false,
      error: { code: 'nothing-to-undo' },
    });
  });

  it('accepts only POST on the API and refuses oversized bodies with 413', async () => {
    const { bridge } = await start();
    const get = await raw(bridge, '/api/plans.list', { headers: { [BRIDGE_TOKEN_HEADER]: bridge.token } });
    expect(get.status).toBe(405);
    const huge = JSON.stringify({ content: 'x'.repeat(26 * 1024 * 1024) });
    const tooBig = await raw(bridge, '/api/plans.importJson', {
      method: 'POST',
      headers: { [BRIDGE_TOKEN_HEADER]: bridge.token },
      body: huge,
    });
    expect(tooBig.status).toBe(413);
    expect((await call(bridge, 'plans.list', {})).json).toEqual({ ok: true, data: [] });
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, and accepts localhost', async () => {
    const { bridge } = await start();
    const rebound = await raw(bridge, '/', { headers: { host: `evil.example:${bridge.port}` } });
    expect(rebound.status).toBe(403);
    const otherPort = await call(bridge, 'plans.list', {}, { host: `127.0.0.1:${bridge.port + 1}` });
    expect(otherPort.status).toBe(403);
    const foreign = await call(bridge, 'plans.list', {}, { origin: 'http://evil.example' });
    expect(foreign.json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const local = await call(
      bridge,
      'plans.list',
      {},
      { host: `localhost:${bridge.port}`, origin: `http://localhost:${bridge.port}` },
    );
    expect(local.json).toEqual({ ok: true, data: [] });
    expect((await call(bridge, 'plans.list', {}, { origin: bridge.origin })).json).toEqual({ ok: true, data: [] });
  });

  it('serves the static app with its content type, the CSP and an SPA fallback', async () => {
    const { bridge } = await start();
    const index = await raw(bridge, '/?token=abc');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>phaen</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const script = await raw(bridge, '/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log(1)');
    expect((await raw(bridge, '/plans/some-route')).body).toContain('<title>phaen</title>');
    expect((await raw(bridge, '/assets/missing.js')).status).toBe(404);
    expect((await raw(bridge, '/index.html', { method: 'POST' })).status).toBe(405);
  });

  it('refuses path traversal: ../, encoded dots and slashes, backslashes, NUL and absolute paths', async () => {
    const { bridge, dir } = await start();
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/index.html%00.js',
      `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      '//etc/passwd',
      `/${join(dir, 'secret.txt')}`,
    ];
    for (const path of attempts) {
      const reply = await raw(bridge, path);
      expect(reply.body, path).not.toContain('SECRET');
      expect(reply.body, path).not.toContain('root:');
      expect(reply.status, path).toBe(403);
    }
  });
});
