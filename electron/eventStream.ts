/**
 * Browser mode's push events: `GET /api/events` (same token as the API)
 * answers a stream of server-sent events, one `data: {"event", "payload"}`
 * line per core event (progress of long work, backups, a restarted store),
 * the way the desktop bridge's `on` delivers them.
 */
import type http from 'node:http';
import type { CoreEventName } from '../shared/contract';
import { CORE_EVENT_NAMES } from './core/runtime/protocol';
import type { StoreEndpoint } from './core/runtime/endpoint';

/** Formats one event as an SSE frame (tested as a plain function). */
export const sseFrame = (event: CoreEventName, payload: unknown) => `data: ${JSON.stringify({ event, payload })}\n\n`;

export function streamEvents(store: Pick<StoreEndpoint, 'on'>, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.write(': connected\n\n');
  const stops = CORE_EVENT_NAMES.map((event) => store.on(event, (payload) => res.write(sseFrame(event, payload))));
  // A comment line now and then keeps idle proxies and the page's reader from timing out.
  const keepAlive = setInterval(() => res.write(': \n\n'), 25_000);
  keepAlive.unref();
  const stop = () => {
    clearInterval(keepAlive);
    for (const s of stops) s();
  };
  req.on('close', stop);
  res.on('close', stop);
}
