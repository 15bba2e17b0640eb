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
import { createCore, type Core, type CoreOptions } from './core/app';
import { automaticBackup, startBackupSchedule } from './core/backup/schedule';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from './csp';

export const MAX_BODY_BYTES = 1024 * 1024;


export { CONTENT_SECURITY_POLICY } from './csp';

export interface HostOptions extends CoreOptions {
  port?: number;
  token?: string;
  rendererDir?: string;
  /** Use an existing core instead of creating one. */
  core?: Core;
}

export interface RunningHost {
  url: string;
  /** The URL to open in a browser: carries the token in the fragment, never sent to the server in logs. */
  appUrl: string;
  token: string;
  port: number;
  core: Core;
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
  const core = options.core ?? createCore({ ...options, shell: 'browser' });
  let port = requestedPort;

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendJson(res, 421, { ok: false, error: { code: 'FORBIDDEN', message: 'Host header not allowed' } });
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/api/rpc') return handleRpc(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Method not allowed' } });
    }
    serveStatic(url.pathname, res);
  });

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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
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
          if (!options.core) core.close();
          resolve();
        });
      }),
  };
}

/**
 * `npm run serve`: browser mode with the daily backup timer and a backup when
 * stopped (Ctrl+C). Prints the URL to open and the API token; opens nothing.
 */
export async function serve(options: HostOptions = {}): Promise<RunningHost> {
  const host = await startHost(options);
  const stopSchedule = startBackupSchedule(host.core);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopSchedule();
    await automaticBackup(host.core, 'close');
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
