-- Settlement cursors: per settlement, the producer's ledger sequence up to which
-- every entry that is not a payout has been settled (`through_seq`), and the
-- highest sequence settled so far (`settled_max_seq`, above `through_seq` only
-- when an entry was written out of time order). "Unsettled" is then
-- `seq > through_seq` on the (producer_id, seq) index instead of a scan of the
-- producer's whole history. A helper table, because settlements never change.
CREATE TABLE settlement_cursors (
  settlement_id   INTEGER PRIMARY KEY REFERENCES settlements(id),
  producer_id     INTEGER NOT NULL REFERENCES producers(id),
  through_seq     INTEGER NOT NULL CHECK (through_seq >= 0),
  settled_max_seq INTEGER NOT NULL CHECK (settled_max_seq >= 0)
) STRICT;
CREATE INDEX ix_settlement_cursors_producer ON settlement_cursors(producer_id, through_seq);
CREATE TRIGGER settlement_cursors_no_update BEFORE UPDATE ON settlement_cursors BEGIN SELECT RAISE(ABORT, 'settlements never change'); END;
CREATE TRIGGER settlement_cursors_no_delete BEFORE DELETE ON settlement_cursors BEGIN SELECT RAISE(ABORT, 'settlements never change'); END;
