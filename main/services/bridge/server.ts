import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BRIDGE_API_PREFIX, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_PARAM } from '../../core/bridge.ts';
import { dispatch, type Channel, type Handlers } from '../../core/contract.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { MAX_IMPORT_REQUEST_BYTES } from '../../core/exchange/upload.ts';
import { contentType, lookupStatic, SECURITY_HEADERS } from '../staticFiles.ts';

export interface BridgeOptions {
  readonly handlers: Handlers;
  /** The built renderer (out/renderer). */
  readonly staticDir: string;
  /** 0 (default): a free port chosen by the OS. */
  readonly port?: number;
  /** Default: 32 random bytes, new on every run. */
  readonly token?: string;
  readonly log?: (message: string) => void;
}

export interface Bridge {
  /** The page to open: carries the token, which the renderer sends back in BRIDGE_TOKEN_HEADER. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Above the largest plan file import (20 MB) plus JSON escaping. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;
/** Channels whose requests carry more: an exchange package may be larger than a plan file. */
const BODY_LIMITS = new Map<Channel, number>([['exchange.import', MAX_IMPORT_REQUEST_BYTES]]);
/** The body limit of a request to `channel` (any string from the URL: unknown ones get the default). */
const bodyLimit = (channel: string): number => BODY_LIMITS.get(channel as Channel) ?? MAX_BODY_BYTES;
const HOST = '127.0.0.1';

/**
 * The contract's handlers over loopback HTTP, for browser mode and the e2e tier. Any local process (and any
 * web page, through the browser) can reach a loopback port, so: the token guards the API, the Host check
 * defeats DNS rebinding, the Origin check refuses other sites' pages, and only the built renderer is served.
 */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const log = opts.log ?? (() => {});
  // Filled in once the port is known, before the first request can arrive.
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`bridge: ${req.method} ${req.url}: ${String(err)}`);
      if (res.headersSent) res.destroy();
      else sendError(res, 500, 'internal', 'request failed');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendError(res, 403, 'forbidden', 'unexpected Host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin))
      return sendError(res, 403, 'forbidden', 'unexpected Origin');
    // The raw path, not a parsed URL: URL parsing would quietly normalise an encoded ../ we want to refuse.
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith(BRIDGE_API_PREFIX)) return api(req, res, path.slice(BRIDGE_API_PREFIX.length));
    return serveStatic(req, res, path);
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'invalid-input', 'POST only', { allow: 'POST' });
    if (!tokenMatches(req.headers[BRIDGE_TOKEN_HEADER], token))
      return sendError(res, 403, 'forbidden', 'missing or wrong token');
    const limit = bodyLimit(channel);
    const body = await readBody(req, limit);
    if (body === null) {
      res.setHeader('connection', 'close');
      return sendError(res, 413, 'file-too-large', `request body over ${limit} bytes`);
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, 'invalid-input', 'body is not JSON');
    }
    sendJson(res, 200, await dispatch(opts.handlers, channel, payload, log));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'GET only', { allow: 'GET, HEAD' });
    const found = lookupStatic(opts.staticDir, path);
    if (found.kind === 'forbidden') return sendText(res, 403, 'forbidden');
    if (found.kind === 'not-found') return sendText(res, 404, 'not found');
    const content = await readFile(found.path);
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': contentType(found.path), 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  const origin = `http://${HOST}:${port}`;
  log(`bridge listening on ${origin}`);

  return {
    url: `${origin}/?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // A browser keeps idle connections open; without this, close() would wait for them.
        server.closeAllConnections();
      }),
  };
}

/** Constant-time: compare digests, which also makes the lengths equal as timingSafeEqual requires. */
function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * The whole body, or null when it passes the limit. Past the limit the rest is read and dropped (memory stays
 * bounded) rather than the socket destroyed, so the client gets to read our 413.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : null));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  detail: string,
  headers: Record<string, string> = {},
) {
  sendJson(res, status, { ok: false, error: { code, detail } }, headers);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
