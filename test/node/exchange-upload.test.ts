import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_TOKEN_HEADER } from '../../main/core/bridge.ts';
import { MAX_PACKAGE_BYTES } from '../../main/core/exchange/format.ts';
import { MAX_IMPORT_REQUEST_BYTES, uploadBatches, type Upload } from '../../main/core/exchange/upload.ts';
import { type Bridge, startBridge } from '../../main/services/bridge/server.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { Session } from '../../main/services/session.ts';
import { useTempDir } from '../harness/tmp.ts';

/** Package uploads in browser mode: the page's requests and the bridge's limit agree with the package limit. */

const tempDir = useTempDir();
const running: { bridge: Bridge; session: Session }[] = [];
afterEach(async () => {
  for (const { bridge, session } of running.splice(0)) {
    await bridge.close();
    session.close();
  }
});

const file = (name: string, content: string): Upload => ({ name, content });
const names = (batches: Upload[][]) => batches.map((b) => b.map((u) => u.name));

describe('upload batches', () => {
  it('sends the files of one choice in one request when they fit, in their order', () => {
    const files = ['ก', 'ข', 'ค'].map((n) => file(`${n}.phaen-package`, `{"x":"${n}"}`));
    expect(uploadBatches(files)).toEqual({ batches: [files], tooLarge: [] });
  });

  it('splits where the next file would pass the request limit, counting JSON escaping and Thai bytes', () => {
    // 1,000 Thai characters are 3,000 bytes of UTF-8; 1,000 quotes become 2,000 bytes once escaped.
    const thai = file('a', 'ก'.repeat(1000));
    const quotes = file('b', '"'.repeat(1000));
    const small = file('c', '{}');
    const { batches, tooLarge } = uploadBatches([thai, quotes, small], 1024 + 5000);
    expect(names(batches)).toEqual([['a'], ['b', 'c']]);
    expect(tooLarge).toEqual([]);
  });

  it('sets apart a file that alone cannot fit, and goes on with the rest', () => {
    const { batches, tooLarge } = uploadBatches(
      [file('a', '{}'), file('big', 'x'.repeat(5000)), file('b', '{}')],
      4096,
    );
    expect(names(batches)).toEqual([['a', 'b']]);
    expect(tooLarge.map((u) => u.name)).toEqual(['big']);
  });

  it('holds at most the contract’s number of files per request', () => {
    const many = Array.from({ length: 5 }, (_, i) => file(String(i), '{}'));
    expect(names(uploadBatches(many, MAX_IMPORT_REQUEST_BYTES, 2).batches)).toEqual([['0', '1'], ['2', '3'], ['4']]);
  });

  it('a package text of the largest size fits one request even if every character needs escaping', () => {
    // Scaled down from MAX_PACKAGE_BYTES by the same formula: JSON text at worst doubles when escaped.
    const size = 100_000;
    const worst = file('worst.phaen-package', '"\\'.repeat(size / 2));
    const limit = (MAX_IMPORT_REQUEST_BYTES / MAX_PACKAGE_BYTES) * size + 64 * 1024;
    expect(uploadBatches([worst], limit).batches).toEqual([[worst]]);
    expect(MAX_IMPORT_REQUEST_BYTES).toBeGreaterThanOrEqual(2 * MAX_PACKAGE_BYTES);
  });
});

interface Reply {
  status: number;
  body: string;
}

function post(bridge: Bridge, channel: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: `/api/${channel}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: bridge.token, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function bridgeOnRealSession(): Promise<Bridge> {
  const dir = tempDir();
  const session = await Session.start({ dataDir: join(dir, 'data'), backupIntervalMs: 0 });
  const resourcesDir = join(import.meta.dirname, '..', '..', 'resources');
  const handlers = createHandlers({ session, dialogs: null, resourcesDir, version: 'test' });
  const bridge = await startBridge({ handlers, staticDir: join(dir, 'www') });
  running.push({ bridge, session });
  return bridge;
}

describe('the bridge’s limit for package uploads', () => {
  it('takes an upload over the general request limit and answers for the file, as the desktop app would', async () => {
    const bridge = await bridgeOnRealSession();
    // 30 MB: over the 25 MB every other request is held to, well under a package's 64 MB.
    const body = JSON.stringify({
      files: [{ name: 'ส่งครึ่งเดียว.phaen-package', content: `{"x":"${'ก'.repeat(10_000_000)}` }],
    });
    const reply = await post(bridge, 'exchange.import', body);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      data: { status: 'done', packages: [{ file: 'ส่งครึ่งเดียว.phaen-package', status: 'rejected', reason: 'damaged' }] },
    });
    // The same size to another channel is still refused.
    expect((await post(bridge, 'plans.importJson', JSON.stringify({ content: 'ก'.repeat(10_000_000) }))).status).toBe(
      413,
    );
  });

  it('refuses an upload request over its own limit with 413, unread', async () => {
    const bridge = await bridgeOnRealSession();
    const reply = await post(bridge, 'exchange.import', '', { 'content-length': String(MAX_IMPORT_REQUEST_BYTES + 1) });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'file-too-large' } });
  });
});
