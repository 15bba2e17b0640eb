/** Browser mode's push events (`GET /api/events`): the same progress events as the desktop bridge, behind the same token. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host';
import { sseFrame } from '../../electron/eventStream';
import { parseFrames } from '../../renderer/eventStream';
import { tempDir } from '../helpers/core';

let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

const rpc = (h: RunningHost, method: string, input: unknown, session?: string) =>
  fetch(`${h.url}/api/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}`, ...(session ? { 'x-ukm-session': session } : {}) },
    body: JSON.stringify({ method, input }),
  }).then((r) => r.json() as Promise<{ ok: boolean; value?: unknown }>);

describe('browser-mode event stream', () => {
  it('frames round-trip: what the host writes is what the page reads, cut anywhere', () => {
    const text = sseFrame('job.progress', { jobId: '1.2', done: 5, total: 9 }) + ': keep-alive\n\n' + sseFrame('data.changed', { area: 'all' });
    const cut = text.length - 7;
    const first = parseFrames(text.slice(0, cut));
    const second = parseFrames(first.rest + text.slice(cut));
    expect([...first.frames, ...second.frames]).toEqual([
      { event: 'job.progress', payload: { jobId: '1.2', done: 5, total: 9 } },
      { event: 'data.changed', payload: { area: 'all' } },
    ]);
  });

  it('needs the token, then streams the progress of a verify started over the API', async () => {
    host = await startHost({ dataDir: path.join(tempDir(), 'data'), port: 0, rendererDir: tempDir(), token: 'events-token-1' });
    expect((await fetch(`${host.url}/api/events`)).status).toBe(401);
    expect(await rpc(host, 'setup.complete', { mode: 'empty', storeName: 'Toko Acara' })).toMatchObject({ ok: true });
    // The first manager (no session needed while there is no staff), signed in: a verify is a manager's act.
    const boss = (await rpc(host, 'staff.create', { name: 'Bu Acara', role: 'manager', pin: '4321' })) as { value: { id: number } };
    const session = ((await rpc(host, 'auth.signIn', { staffId: boss.value.id, pin: '4321' })) as { value: { sessionId: string } }).value.sessionId;
    const controller = new AbortController();
    const res = await fetch(`${host.url}/api/events`, { headers: { authorization: `Bearer ${host.token}` }, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: { event: string; payload: { method?: string; outcome?: string } }[] = [];
    const reading = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const parsed = parseFrames(buffer + value);
        buffer = parsed.rest;
        events.push(...(parsed.frames as typeof events));
        if (events.some((e) => e.event === 'job.finished')) return;
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    expect(await rpc(host, 'ledger.verify', {}, session)).toMatchObject({ ok: true, value: { ok: true } });
    await reading;
    controller.abort();
    expect(events.find((e) => e.event === 'job.progress')?.payload.method).toBe('ledger.verify');
    expect(events.find((e) => e.event === 'job.finished')?.payload).toMatchObject({ method: 'ledger.verify', outcome: 'done' });
  });
});
