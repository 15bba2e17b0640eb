import crypto from 'node:crypto';

/**
 * Signed-in sessions, held by the core in memory: one process owns a data
 * folder, and a restart ends every session (everyone signs in again). The id
 * is 256 random bits; it is a bearer secret, so it never goes to the audit log.
 */
export type Resolved = { state: 'ok'; staffId: number } | { state: 'none' } | { state: 'expired' };

interface Held {
  staffId: number;
  lastSeen: number;
}

export class SessionBook {
  private readonly held = new Map<string, Held>();

  open(staffId: number, nowMs: number): string {
    const id = crypto.randomBytes(32).toString('base64url');
    this.held.set(id, { staffId, lastSeen: nowMs });
    return id;
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
