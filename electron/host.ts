/**
 * Browser mode: the same core behind a local HTTP host, and the same React UI
 * served from the built renderer. Binds 127.0.0.1 only, needs a per-launch
 * bearer token on every API call, and checks the Host header so a page on
 * another origin cannot reach it through DNS rebinding.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { defaultDataDir } from './core/app';
import { lockDataFolder } from './core/db/folderLock';
import { backupOnClose, startBackupSchedule } from './core/backup/schedule';
import type { StoreEndpoint } from './core/runtime/endpoint';
import { StoreRuntime, type RuntimeOptions } from './core/runtime/storeRuntime';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from './csp';
import { streamEvents } from './eventStream';
import { DownloadTokens, streamCsvResponse } from './exportStream';

export const MAX_BODY_BYTES = 1024 * 1024;


export { CONTENT_SECURITY_POLICY } from './csp';

export interface HostOptions extends RuntimeOptions {
  port?: number;
  token?: string;
  rendererDir?: string;
  /** Use an existing store (e.g. `inProcessEndpoint(core)`) instead of starting the store runtime. */
  core?: StoreEndpoint;
  /** Slow-client limits (defaults in HOST_LIMITS; tests shorten them). */
  limits?: Partial<typeof HOST_LIMITS>;
}

/**
 * A client dribbling headers or a body must not hold the host (issue 12): the
 * whole header within 10 s, the whole request within 20 s, an idle kept-alive
 * socket closed after 5 s, a silent socket after 2 minutes (a backup or a
 * restore answers well within that), and at most 64 connections at once.
 */
export const HOST_LIMITS = { headersMs: 10_000, requestMs: 20_000, keepAliveMs: 5_000, idleMs: 120_000, maxConnections: 64, checkEveryMs: 1_000 };

export interface RunningHost {
  url: string;
  /** The URL to open in a browser: carries the token in the fragment, never sent to the server in logs. */
  appUrl: string;
  token: string;
  port: number;
  /** The store runtime (or the endpoint handed in). */
  core: StoreEndpoint;
  close(): Promise<void>;
}

export function defaultRendererDir(): string {
  const candidates = [path.resolve(__dirname, '../../renderer'), path.resolve(__dirname, '../dist/renderer')];
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html'))) ?? candidates[0]!;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const token = options.token ?? process.env.UKM_MART_TOKEN ?? crypto.randomBytes(24).toString('base64url');
  const requestedPort = options.port ?? (process.env.UKM_MART_PORT ? Number(process.env.UKM_MART_PORT) : 0);
  const rendererDir = path.resolve(options.rendererDir ?? defaultRendererDir());
  // The folder's lock comes before the store: a second host must not even sweep the first one's files.
  const lock = options.core ? null : lockDataFolder(options.dataDir ? path.resolve(options.dataDir) : defaultDataDir(), 'browser');
  let core: StoreEndpoint;
  try {
    core = options.core ?? (await StoreRuntime.start({ ...options, shell: 'browser' }));
  } catch (err) {
    lock?.release();
    throw err;
  }
  let port = requestedPort;
  const limits = { ...HOST_LIMITS, ...options.limits };

  const server = http.createServer({ connectionsCheckingInterval: limits.checkEveryMs }, (req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendJson(res, 421, { ok: false, error: { code: 'FORBIDDEN', message: 'Host header not allowed' } });
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/api/rpc') return handleRpc(req, res);
    if (url.pathname === '/api/events') return handleEvents(req, res);
    if (url.pathname === '/api/export') return handleExportToken(req, res);
    if (url.pathname.startsWith('/api/export/')) return handleExportDownload(req, res, url.pathname.slice('/api/export/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Method not allowed' } });
    }
    serveStatic(url.pathname, res);
  });

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Use GET' } });
    if (!tokenMatches(req.headers.authorization, token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token' } });
    }
    streamEvents(core, req, res);
  }

  const downloads = new DownloadTokens();

  /**
   * POST /api/export {kind, from, to, producerId?}: checked like an API call (the launch token, the session,
   * `export.prepare` for a manager); answers a one-time link that a browser's <a download> can follow without headers.
   */
  function handleExportToken(req: http.IncomingMessage, res: http.ServerResponse): void {
    readJson(req, res, (body, session) => {
      core.callAsync('export.prepare', body, session).then(
        (reply) => {
          if (!reply.ok) return sendJson(res, 200, reply);
          const minted = downloads.mint(body, session.sessionId, (reply.value as { filename: string }).filename);
          sendJson(res, 200, { ok: true, value: { ...(reply.value as object), url: `/api/export/${minted}` } });
        },
        () => sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } }),
      );
    });
  }

  /** GET /api/export/<token>: the CSV, streamed in chunks (chunked transfer encoding) as the long-work thread reads it. */
  function handleExportDownload(req: http.IncomingMessage, res: http.ServerResponse, token: string): void {
    if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Use GET' } });
    const ticket = downloads.redeem(token);
    if (!ticket) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'This download link was used or has expired: export again.' } });
    void streamCsvResponse(core, ticket.input, ticket.sessionId ? { sessionId: ticket.sessionId } : {}, ticket.filename, res);
  }

  /** The launch token, a JSON body of at most 1 MiB, the session header; `then` gets the body and the caller. */
  function readJson(req: http.IncomingMessage, res: http.ServerResponse, then: (body: unknown, caller: { sessionId?: string }) => void): void {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Use POST' } });
    if (!tokenMatches(req.headers.authorization, token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token' } });
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Body must be application/json' } });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'Body larger than 1 MiB' } });
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Body is not valid JSON' } });
      }
      const session = req.headers['x-ukm-session'];
      then(body, typeof session === 'string' && session.length <= 100 ? { sessionId: session } : {});
    });
  }

  function handleRpc(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Use POST' } });
    if (!tokenMatches(req.headers.authorization, token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token' } });
    }
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      return sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Body must be application/json' } });
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'Body larger than 1 MiB' } });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES && !aborted) {
        aborted = true;
        sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'Body larger than 1 MiB' } });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (aborted) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Body is not valid JSON' } });
      }
      if (typeof body !== 'object' || body === null || typeof (body as { method?: unknown }).method !== 'string') {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'VALIDATION', message: 'Body must be {"method": "<area>.<verb>", "input": {...}}' },
        });
      }
      const { method, input } = body as { method: string; input?: unknown };
      // The signed-in session (SPEC §5) rides beside the launch token; the core decides what it may do.
      const session = req.headers['x-ukm-session'];
      core.callAsync(method, input, typeof session === 'string' && session.length <= 100 ? { sessionId: session } : {}).then(
        (reply) => sendJson(res, 200, reply),
        // callAsync never rejects; this is the last line of defence.
        () => sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } }),
      );
    });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Bad path' } });
    }
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) {
      return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
    let target = file;
    if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
      // Unknown paths without an extension are app routes: serve the app.
      if (path.extname(relative) === '') target = path.join(rendererDir, 'index.html');
      else return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
    if (!fs.existsSync(target)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The UI is not built. Run `npm run build` first.');
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypeOf(path.extname(target)),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    fs.createReadStream(target).pipe(res);
  }

  server.headersTimeout = limits.headersMs;
  server.requestTimeout = limits.requestMs;
  server.keepAliveTimeout = limits.keepAliveMs;
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleMs, (socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => {
      lock?.release();
      reject(err);
    });
    server.listen(requestedPort, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    appUrl: `${url}/#token=${encodeURIComponent(token)}`,
    token,
    port,
    core,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          if (options.core) {
            lock?.release();
            resolve();
          } else {
            void Promise.resolve(core.close()).then(() => {
              lock?.release();
              resolve();
            });
          }
        });
      }),
  };
}

/**
 * `npm run serve`: browser mode with the daily backup timer (never at start-up)
 * and a bounded backup when stopped (Ctrl+C): only when cheap or due. Prints the URL to open and the API token; opens nothing.
 */
export async function serve(options: HostOptions = {}): Promise<RunningHost> {
  const host = await startHost(options);
  const stopSchedule = startBackupSchedule(host.core);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopSchedule();
    await backupOnClose(host.core);
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return host;
}

if (require.main === module) {
  serve()
    .then((host) => {
      console.log(`UKM Mart browser mode: ${host.appUrl}`);
      console.log(`Data folder: ${host.core.dataDir}`);
      console.log(`API: POST ${host.url}/api/rpc with "Authorization: Bearer ${host.token}"`);
    })
    .catch((err) => {
      console.error(`UKM Mart could not start: ${(err as Error).message}`);
      process.exit(1);
    });
}
