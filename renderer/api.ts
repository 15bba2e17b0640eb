/**
 * The typed client. In Electron it uses the preload bridge (`window.ukmMart`);
 * in browser mode it posts to `/api/rpc` with the per-launch token, which the
 * host hands over in the URL fragment (`#token=…`) and which is kept only in
 * this tab's session storage.
 */
import { onStreamEvent } from './eventStream';
import type { CoreEventName, CoreEvents, Envelope, ErrorBody, MethodInput, MethodName, MethodOutput } from '../shared/contract';

export interface Bridge {
  /** `sessionId`: the signed-in session (from auth.signIn), carried with every call. */
  call(method: string, input: unknown, sessionId?: string): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** A streamed CSV export into a file the manager chooses in a save dialog (Electron shell). */
  exportCsv?(input: unknown, sessionId?: string): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    ukmMart?: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorBody['code'];
  readonly field?: string;
  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.field = body.field;
  }
}

function browserToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]!);
    sessionStorage.setItem('ukm-mart-token', token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem('ukm-mart-token') ?? '';
}

let token: string | null = null;

/*
 * The signed-in session (SPEC §5). Kept in this tab's session storage so a
 * reload stays signed in until the core ends the session (lock, sign-out, idle).
 */
const SESSION_KEY = 'ukm-mart-session';
let sessionId: string | null = null;
const sessionEndedListeners = new Set<() => void>();

export function setSession(id: string | null): void {
  sessionId = id;
  try {
    if (id) sessionStorage.setItem(SESSION_KEY, id);
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // storage unavailable: the session lives in memory only
  }
}

function currentSessionId(): string | null {
  if (sessionId === null) {
    try {
      sessionId = sessionStorage.getItem(SESSION_KEY);
    } catch {
      sessionId = null;
    }
  }
  return sessionId;
}

/** Called when the core answers UNAUTHENTICATED: the session ended (idle, lock elsewhere); the gate shows the lock screen. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

async function httpCall(method: string, input: unknown, session: string | null): Promise<Envelope<unknown>> {
  token ??= browserToken();
  const res = await fetch('/api/rpc', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(session ? { 'x-ukm-session': session } : {}),
    },
    body: JSON.stringify({ method, input }),
  });
  return (await res.json()) as Envelope<unknown>;
}

/** Calls a core method; resolves with its value or rejects with an ApiError carrying a human message. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const session = currentSessionId();
  const reply = window.ukmMart ? await window.ukmMart.call(method, input, session ?? undefined) : await httpCall(method, input, session);
  if (!reply.ok) {
    if (reply.error.code === 'UNAUTHENTICATED' && session) {
      setSession(null);
      for (const l of sessionEndedListeners) l();
    }
    throw new ApiError(reply.error);
  }
  return reply.value as MethodOutput<M>;
}

function refused(reply: Envelope<unknown>, session: string | null): asserts reply is { ok: true; value: unknown } {
  if (reply.ok) return;
  if (reply.error.code === 'UNAUTHENTICATED' && session) {
    setSession(null);
    for (const l of sessionEndedListeners) l();
  }
  throw new ApiError(reply.error);
}

/**
 * A large CSV export (sale lines, receipts, a producer's ledger entries over any range) that streams instead of
 * travelling as one JSON reply: in Electron the shell asks where to save it and writes it in chunks; in browser
 * mode the host checks the export and the session and hands a one-time link, which the browser downloads.
 * Resolves with the file name (null when the manager cancelled the save dialog).
 */
export async function streamExport(input: MethodInput<'export.stream'>): Promise<string | null> {
  const session = currentSessionId();
  if (window.ukmMart) {
    if (!window.ukmMart.exportCsv) throw new Error('This shell cannot save files');
    const reply = await window.ukmMart.exportCsv(input, session ?? undefined);
    refused(reply, session);
    const value = reply.value as { filename: string } | null;
    return value ? value.filename : null;
  }
  token ??= browserToken();
  const res = await fetch('/api/export', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(session ? { 'x-ukm-session': session } : {}) },
    body: JSON.stringify(input),
  });
  const reply = (await res.json()) as Envelope<unknown>;
  refused(reply, session);
  const { url, filename } = reply.value as { url: string; filename: string };
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  return filename;
}

/** Push events from the store: the bridge in Electron, the host's event stream in browser mode. */
export function on<E extends CoreEventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void {
  if (window.ukmMart) return window.ukmMart.on(event, listener as (p: unknown) => void);
  return onStreamEvent(event, listener as (p: unknown) => void, () => (token ??= browserToken()));
}

/** A fresh client-made id for idempotent requests (sales, refunds, payouts). */
export function newRequestId(): string {
  return crypto.randomUUID();
}
