import type Database from 'better-sqlite3';
import { expect } from 'vitest';

const AT = '2026-11-02T02:00:00.000Z';

/** Migration 0011 (durable PIN throttle): staff from before survive; pin_attempts keeps one row per id tried, of ids that exist or not. */
export const pinAttemptsCase = {
  before(db: Database.Database): void {
    db.prepare("INSERT INTO staff (name, role, pin_hash, active, created_at, updated_at) VALUES ('Bu Rina', 'manager', 'scrypt$x', 1, ?, ?)").run(AT, AT);
    db.prepare("INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id) VALUES (?, 1, 'staff.create', 'staff', '1')").run(AT);
  },
  after(db: Database.Database): void {
    expect(db.prepare('SELECT id, name, role FROM staff').all()).toEqual([{ id: 1, name: 'Bu Rina', role: 'manager' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    const add = db.prepare('INSERT INTO pin_attempts (staff_id, failures, locked_until, last_failed_at) VALUES (?, ?, ?, ?)');
    add.run(1, 3, Date.parse(AT) + 30_000, AT);
    // No foreign key: an id nobody has is throttled like a real one.
    add.run(999, 1, 0, AT);
    expect(() => add.run(1, 1, 0, AT)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => add.run(2, -1, 0, AT)).toThrow(/CHECK/);
    expect(db.prepare('SELECT staff_id, failures FROM pin_attempts ORDER BY staff_id').all()).toEqual([
      { staff_id: 1, failures: 3 },
      { staff_id: 999, failures: 1 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },
};
