-- The counter (issue #15). Parked sales: a cart put aside while the next customer
-- is served. It survives a reload and can be recalled exactly once: recalling sets
-- recalled_at (the row stays, as a record), and a second recall is refused, so a
-- parked cart is never sold twice. The id is the client's, so parking is idempotent.
CREATE TABLE parked_sales (
  id TEXT PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES shifts(id),
  parked_by INTEGER NOT NULL REFERENCES staff(id),
  parked_at TEXT NOT NULL,
  -- [{productId, quantity, discount, discountBps}] in cart order
  lines TEXT NOT NULL,
  line_count INTEGER NOT NULL CHECK (line_count > 0),
  total INTEGER NOT NULL CHECK (total >= 0),
  request_hash TEXT NOT NULL,
  recalled_at TEXT,
  recalled_by INTEGER REFERENCES staff(id),
  recalled_shift_id INTEGER REFERENCES shifts(id)
);
CREATE INDEX ix_parked_sales_waiting ON parked_sales(parked_at) WHERE recalled_at IS NULL;

-- The store's static QRIS image, uploaded once in Settings and shown at the counter.
-- One row at most; replacing it keeps who did it and when (the audit log has the rest).
CREATE TABLE store_qris (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/webp')),
  data BLOB NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES staff(id)
);

-- Refund receipts (struk retur): every refund gets a number from its own gapless
-- sequence, taken inside the refund's transaction. Refunds made before this
-- migration are numbered in the order they happened, so reprints have one too.
CREATE TABLE refund_receipts (
  refund_id TEXT PRIMARY KEY REFERENCES refunds(id),
  number INTEGER NOT NULL UNIQUE CHECK (number >= 1)
) STRICT;
INSERT INTO refund_receipts (refund_id, number)
  SELECT id, ROW_NUMBER() OVER (ORDER BY refunded_at, rowid) FROM refunds;
INSERT INTO sequences (name, next_value) VALUES ('refund', (SELECT COUNT(*) + 1 FROM refunds));
