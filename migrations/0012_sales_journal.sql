-- The sales journal's hash chain (SPEC §4, §9): each sale's canonical content
-- (receipt number, time, lines, amounts, payment; shared/domain/salesChain.ts)
-- is chained like the producer ledger: hash = SHA-256(previous hash + content).
-- One row per sale, written in the sale's own transaction, never changed.
-- Sales recorded before this migration are not chained (SQL cannot hash them
-- in the migration's transaction); the chain starts at the first sale after it,
-- and the check reports any later sale missing from it.
CREATE TABLE sale_journal (
  seq        INTEGER PRIMARY KEY CHECK (seq >= 1),
  sale_id    TEXT NOT NULL UNIQUE REFERENCES sales(id),
  receipt_no INTEGER NOT NULL UNIQUE,
  prev_hash  TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash       TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER sale_journal_no_update BEFORE UPDATE ON sale_journal
BEGIN
  SELECT RAISE(ABORT, 'sale_journal is append-only');
END;

CREATE TRIGGER sale_journal_no_delete BEFORE DELETE ON sale_journal
BEGIN
  SELECT RAISE(ABORT, 'sale_journal is append-only');
END;
