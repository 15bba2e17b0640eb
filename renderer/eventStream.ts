/**
 * Browser mode's push events: one `GET /api/events` stream per tab (with the
 * same bearer token as the API), read with fetch so the token stays in a
 * header, split into `data:` frames and handed to the listeners of each
 * event. It reconnects after a pause if the host goes away.
 */
type Listener = (payload: unknown) => void;

const listeners = new Map<string, Set<Listener>>();
let started = false;

/** Splits server-sent-event text into the JSON of its `data:` frames; returns the unfinished rest. */
export function parseFrames(buffer: string): { frames: { event: string; payload: unknown }[]; rest: string } {
  const parts = buffer.split('\n\n');
  const rest = parts.pop() ?? '';
  const frames: { event: string; payload: unknown }[] = [];
  for (const part of parts) {
    const data = part
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    if (!data) continue;
    try {
      frames.push(JSON.parse(data) as { event: string; payload: unknown });
    } catch {
      // A frame cut by a dropped connection: skip it.
    }
  }
  return { frames, rest };
}

async function run(token: () => string): Promise<void> {
  for (;;) {
    try {
      const res = await fetch('/api/events', { headers: { authorization: `Bearer ${token()}` } });
      if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { frames, rest } = parseFrames(buffer + value);
        buffer = rest;
        for (const f of frames) for (const l of listeners.get(f.event) ?? []) l(f.payload);
      }
    } catch {
      // The host restarted or the network blinked: try again shortly.
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

export function onStreamEvent(event: string, listener: Listener, token: () => string): () => void {
  if (!started) {
    started = true;
    void run(token);
  }
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  return () => set!.delete(listener);
}
