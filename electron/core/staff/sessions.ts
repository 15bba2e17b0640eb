import crypto from 'node:crypto';

/**
 * Signed-in sessions, held in memory: one process owns a data folder, and a
 * restart of the app ends every session (everyone signs in again). The id is
 * 256 random bits; it is a bearer secret, so it never goes to the audit log.
 *
 * A core used on its own (tests, the benchmark's core rows) holds its sessions
 * in a `SessionBook`. In the store runtime the book is the runtime's, on the
 * UI's thread: it resolves every call's session before sending the call to a
 * thread, so a click's read never waits for the writer thread to be free. The
 * cores in the threads hold none; a `SessionForwarder` sends what they open and
 * end to the runtime's book (`SessionChange`), in order, before their reply.
 */
export type Resolved = { state: 'ok'; staffId: number } | { state: 'none' } | { state: 'expired' };

/** What a thread's core did to the sessions, for the book that holds them; `idle` is the store's idle time, in ms. */
export type SessionChange =
  | { type: 'opened'; sessionId: string; staffId: number; at: number }
  | { type: 'ended'; sessionId: string }
  | { type: 'endedAll' }
  | { type: 'idle'; idleMs: number };

/** What the core needs of the sessions, wherever they are held. */
export interface Sessions {
  open(staffId: number, nowMs: number): string;
  resolve(sessionId: string | undefined, nowMs: number, idleMs: number): Resolved;
  end(sessionId: string | undefined): void;
  endAll(): void;
}

const newSessionId = () => crypto.randomBytes(32).toString('base64url');

interface Held {
  staffId: number;
  lastSeen: number;
}

export class SessionBook implements Sessions {
  private readonly held = new Map<string, Held>();

  open(staffId: number, nowMs: number): string {
    const id = newSessionId();
    this.held.set(id, { staffId, lastSeen: nowMs });
    return id;
  }

  /** A change a thread's core made (`SessionForwarder`); `idle` is not the book's to keep. */
  apply(change: SessionChange): void {
    if (change.type === 'opened') this.held.set(change.sessionId, { staffId: change.staffId, lastSeen: change.at });
    else if (change.type === 'ended') this.held.delete(change.sessionId);
    else if (change.type === 'endedAll') this.held.clear();
  }

  /** The session's staff member; an idle session ends here (and stays ended), a live one is touched. */
  resolve(sessionId: string | undefined, nowMs: number, idleMs: number): Resolved {
    if (!sessionId) return { state: 'none' };
    const s = this.held.get(sessionId);
    if (!s) return { state: 'none' };
    if (nowMs - s.lastSeen > idleMs) {
      this.held.delete(sessionId);
      return { state: 'expired' };
    }
    s.lastSeen = Math.max(s.lastSeen, nowMs);
    return { state: 'ok', staffId: s.staffId };
  }

  end(sessionId: string | undefined): void {
    if (sessionId) this.held.delete(sessionId);
  }

  /** A restore replaces the staff table: nobody stays signed in. */
  endAll(): void {
    this.held.clear();
  }

  get size(): number {
    return this.held.size;
  }
}

/** A thread's sessions in the store runtime: it holds none and forwards what it opens and ends to the runtime's book. */
export class SessionForwarder implements Sessions {
  constructor(private readonly forward: (change: SessionChange) => void) {}

  open(staffId: number, nowMs: number): string {
    const sessionId = newSessionId();
    this.forward({ type: 'opened', sessionId, staffId, at: nowMs });
    return sessionId;
  }

  /** Never asked in the runtime (every call comes with its session resolved); a call without one is nobody's. */
  resolve(): Resolved {
    return { state: 'none' };
  }

  end(sessionId: string | undefined): void {
    if (sessionId) this.forward({ type: 'ended', sessionId });
  }

  endAll(): void {
    this.forward({ type: 'endedAll' });
  }
}
