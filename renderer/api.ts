/**
 * The typed client. In Electron it uses the preload bridge (`window.ukmMart`);
 * in browser mode it posts to `/api/rpc` with the per-launch token, which the
 * host hands over in the URL fragment (`#token=…`) and which is kept only in
 * this tab's session storage.
 */
import { onStreamEvent } from './eventStream';
import type { CoreEventName, CoreEvents, Envelope, ErrorBody, MethodInput, MethodName, MethodOutput } from '../shared/contract';

export interface Bridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
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

async function httpCall(method: string, input: unknown): Promise<Envelope<unknown>> {
  token ??= browserToken();
  const res = await fetch('/api/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ method, input }),
  });
  return (await res.json()) as Envelope<unknown>;
}

/** Calls a core method; resolves with its value or rejects with an ApiError carrying a human message. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = window.ukmMart ? await window.ukmMart.call(method, input) : await httpCall(method, input);
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.value as MethodOutput<M>;
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
