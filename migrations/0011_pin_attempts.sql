-- Wrong-PIN attempts per staff member (SPEC §5: the throttle is stored durably,
-- so it holds across restarts and across every process on the data folder).
--
-- Written in a transaction of its own after the refused call's transaction has
-- rolled back (electron/core/staff/approval.ts), so the refusal cannot erase it.
-- `staff_id` is the id that was tried and has no foreign key on purpose: an id
-- nobody has is throttled exactly like a real one, so the answers tell a
-- guesser nothing about which ids exist. A correct PIN or a new PIN deletes the row.
CREATE TABLE pin_attempts (
  staff_id       INTEGER PRIMARY KEY,
  failures       INTEGER NOT NULL CHECK (failures >= 0),
  -- Unix milliseconds until which this id's PIN is not checked at all (0 = not locked).
  locked_until   INTEGER NOT NULL DEFAULT 0,
  last_failed_at TEXT NOT NULL
) STRICT;
