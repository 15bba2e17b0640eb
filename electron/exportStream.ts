/**
 * The shells' side of streamed CSV exports (issue 14): browser mode answers a
 * one-time download link with the CSV in chunks (chunked transfer encoding),
 * the Electron shell writes it into the file chosen in a save dialog; both
 * take the chunks as the long-work thread reads the rows (StoreEndpoint.streamCsv),
 * never the whole file at once. Plain functions: no 'electron' here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import type { Envelope, ErrorCode } from '../shared/contract';
import type { Caller } from './core/context';
import type { CsvSink, StoreEndpoint } from './core/runtime/endpoint';

/** How long a download link lives, and that it works once. */
export const DOWNLOAD_TOKEN_MS = 60_000;

interface Ticket {
  input: unknown;
  sessionId: string | undefined;
  filename: string;
  expiresAt: number;
}

/**
 * One-time download links of browser mode. A link names an export already
 * checked by `export.prepare` for a signed-in manager; following it streams the
 * export for that same session, which the core checks again (a session ended
 * in between is refused).
 */
export class DownloadTokens {
  private readonly tickets = new Map<string, Ticket>();
  constructor(
    private readonly ttlMs = DOWNLOAD_TOKEN_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  mint(input: unknown, sessionId: string | undefined, filename: string): string {
    this.sweep();
    const token = crypto.randomBytes(24).toString('base64url');
    this.tickets.set(token, { input, sessionId, filename, expiresAt: this.clock() + this.ttlMs });
    return token;
  }

  /** The ticket of a live link, used up; null when unknown, used or expired. */
  redeem(token: string): Ticket | null {
    this.sweep();
    const ticket = this.tickets.get(token) ?? null;
    this.tickets.delete(token);
    return ticket;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [token, ticket] of this.tickets) if (ticket.expiresAt <= now) this.tickets.delete(token);
  }
}

const STATUS: Partial<Record<ErrorCode, number>> = { VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNAVAILABLE: 503 };

const attachment = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * Streams an export into an HTTP response: the headers go out with the first chunk, so a refusal before any
 * row (no session, a cashier, a bad range) is an ordinary JSON error; a failure midway cuts the response off,
 * which the browser shows as a failed download rather than a short file.
 */
export async function streamCsvResponse(
  core: Pick<StoreEndpoint, 'streamCsv'>,
  input: unknown,
  caller: Caller,
  filename: string,
  res: http.ServerResponse,
): Promise<Envelope<unknown>> {
  let started = false;
  let gone = false;
  const stopListeners: (() => void)[] = [];
  res.on('close', () => {
    if (res.writableFinished) return;
    gone = true;
    for (const listener of stopListeners) listener();
  });
  const start = () => {
    if (started) return;
    started = true;
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  };
  const sink: CsvSink = {
    write(chunk) {
      start();
      return new Promise((resolve) => {
        if (gone || res.write(chunk)) return resolve();
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    },
    stopped: () => gone,
    onStop: (listener) => void stopListeners.push(listener),
  };
  const reply = await core.streamCsv(input, caller, sink);
  if (!reply.ok) {
    if (started) res.destroy();
    else if (!gone) {
      res.writeHead(STATUS[reply.error.code] ?? 500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(reply));
    }
    return reply;
  }
  start();
  res.end();
  return reply;
}

/**
 * The Electron shell's export: the CSV into `filePath` (from the save dialog) in chunks, through a `.part`
 * file renamed into place only when the export is complete, so a failed or stopped export leaves no short file.
 */
export async function writeCsvExportToFile(
  core: Pick<StoreEndpoint, 'streamCsv'>,
  input: unknown,
  caller: Caller,
  filePath: string,
): Promise<Envelope<unknown>> {
  const partial = `${filePath}.part`;
  const out = fs.createWriteStream(partial, { encoding: 'utf8' });
  let failed: Error | null = null;
  const stopListeners: (() => void)[] = [];
  out.on('error', (err) => {
    failed = err;
    for (const listener of stopListeners) listener();
  });
  const sink: CsvSink = {
    write: (chunk) =>
      new Promise((resolve) => {
        if (failed || out.write(chunk)) return resolve();
        const done = () => {
          out.off('drain', done);
          out.off('error', done);
          resolve();
        };
        out.on('drain', done);
        out.on('error', done);
      }),
    stopped: () => failed !== null,
    onStop: (listener) => void stopListeners.push(listener),
  };
  const reply = await core.streamCsv(input, caller, sink);
  await new Promise<void>((resolve) => out.end(() => resolve()));
  if (!reply.ok || failed) {
    fs.rmSync(partial, { force: true });
    if (reply.ok) return { ok: false, error: { code: 'INTERNAL', message: (failed as Error | null)?.message ?? 'write failed' } };
    return reply;
  }
  fs.renameSync(partial, filePath);
  return reply;
}

/**
 * The Electron shell's export button: `export.prepare` (the manager, the range), then the save dialog
 * (`choose`, null when cancelled: the reply's value is then null), then the file written in chunks.
 */
export async function exportToChosenFile(
  core: Pick<StoreEndpoint, 'streamCsv' | 'callAsync'>,
  input: unknown,
  sessionId: string | undefined,
  choose: (suggestedName: string) => Promise<string | null>,
): Promise<Envelope<unknown>> {
  const caller: Caller = typeof sessionId === 'string' && sessionId.length <= 100 ? { sessionId } : {};
  const plan = await core.callAsync('export.prepare', input, caller);
  if (!plan.ok) return plan;
  const filePath = await choose((plan.value as { filename: string }).filename);
  if (!filePath) return { ok: true, value: null };
  return writeCsvExportToFile(core, input, caller, filePath);
}
