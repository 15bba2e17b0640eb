-- UKM Mart initial schema.
-- Money columns are INTEGER rupiah; percentages are INTEGER basis points.
-- Instants are ISO-8601 UTC text ('2026-11-28T04:37:00.000Z'), local dates 'YYYY-MM-DD'.
-- Append-only tables (ledger, stock movements, audit) refuse UPDATE and DELETE by trigger.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
) STRICT;

-- Store-wide gapless counters: receipt, intake (TT), return (RT), settlement (ST), stock count (SO), z report (Z).
CREATE TABLE sequences (
  name       TEXT PRIMARY KEY,
  next_value INTEGER NOT NULL CHECK (next_value >= 1)
) STRICT;
INSERT INTO sequences (name, next_value) VALUES
  ('receipt', 1), ('intake', 1), ('return', 1), ('settlement', 1), ('stock_count', 1), ('z_report', 1);

CREATE TABLE staff (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role       TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
  pin_hash   TEXT NOT NULL, -- scrypt$N$r$p$saltHex$hashHex
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Wrong-PIN throttling survives a restart.
CREATE TABLE pin_throttle (
  staff_id     INTEGER PRIMARY KEY REFERENCES staff(id),
  failures     INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT
) STRICT;

CREATE TABLE producers (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  short_name     TEXT NOT NULL CHECK (length(trim(short_name)) > 0),
  phone          TEXT NOT NULL DEFAULT '',
  address        TEXT NOT NULL DEFAULT '',
  payout_method  TEXT NOT NULL DEFAULT 'cash' CHECK (payout_method IN ('cash', 'transfer', 'ewallet')),
  payout_provider TEXT NOT NULL DEFAULT '', -- bank or e-wallet name
  payout_account TEXT NOT NULL DEFAULT '',  -- account number / e-wallet number
  payout_account_name TEXT NOT NULL DEFAULT '',
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  notes          TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  unit        TEXT NOT NULL DEFAULT 'pcs',
  barcode     TEXT,
  short_code  TEXT,
  tile_color  TEXT,
  perishable  INTEGER NOT NULL DEFAULT 0 CHECK (perishable IN (0, 1)),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX ix_products_producer ON products(producer_id);
CREATE UNIQUE INDEX ux_products_barcode_active ON products(barcode) WHERE active = 1 AND barcode IS NOT NULL;
CREATE UNIQUE INDEX ux_products_short_code_active ON products(short_code) WHERE active = 1 AND short_code IS NOT NULL;

-- Effective-dated terms: a change applies from a local date on and never rewrites history.
CREATE TABLE product_terms (
  id             INTEGER PRIMARY KEY,
  product_id     INTEGER NOT NULL REFERENCES products(id),
  effective_from TEXT NOT NULL, -- local date
  retail_price   INTEGER NOT NULL CHECK (retail_price >= 0),
  mode           TEXT NOT NULL CHECK (mode IN ('fixed', 'percent')),
  producer_price INTEGER CHECK (producer_price IS NULL OR producer_price >= 0),
  commission_bps INTEGER CHECK (commission_bps IS NULL OR (commission_bps BETWEEN 0 AND 10000)),
  created_at     TEXT NOT NULL,
  created_by     INTEGER REFERENCES staff(id),
  CHECK ((mode = 'fixed' AND producer_price IS NOT NULL AND producer_price <= retail_price AND commission_bps IS NULL)
      OR (mode = 'percent' AND commission_bps IS NOT NULL AND producer_price IS NULL))
) STRICT;
CREATE INDEX ix_product_terms_product ON product_terms(product_id, effective_from, id);
CREATE TRIGGER product_terms_no_update BEFORE UPDATE ON product_terms BEGIN SELECT RAISE(ABORT, 'product terms are append-only'); END;
CREATE TRIGGER product_terms_no_delete BEFORE DELETE ON product_terms BEGIN SELECT RAISE(ABORT, 'product terms are append-only'); END;

CREATE TABLE shifts (
  id            INTEGER PRIMARY KEY,
  cashier_id    INTEGER NOT NULL REFERENCES staff(id),
  opened_at     TEXT NOT NULL,
  opening_float INTEGER NOT NULL CHECK (opening_float >= 0)
) STRICT;

-- Closing a shift is a row of its own: the shift row never changes.
CREATE TABLE shift_closes (
  shift_id      INTEGER PRIMARY KEY REFERENCES shifts(id),
  z_number      INTEGER NOT NULL UNIQUE,
  closed_at     TEXT NOT NULL,
  closed_by     INTEGER NOT NULL REFERENCES staff(id),
  expected_cash INTEGER NOT NULL,
  counted_cash  INTEGER NOT NULL CHECK (counted_cash >= 0),
  variance      INTEGER NOT NULL,
  report_json   TEXT NOT NULL -- the Z report as printed
) STRICT;

CREATE TABLE sales (
  id             TEXT PRIMARY KEY, -- client-made UUID
  receipt_no     INTEGER NOT NULL UNIQUE,
  shift_id       INTEGER NOT NULL REFERENCES shifts(id),
  cashier_id     INTEGER NOT NULL REFERENCES staff(id),
  created_at     TEXT NOT NULL,
  subtotal       INTEGER NOT NULL CHECK (subtotal >= 0),
  discount_total INTEGER NOT NULL CHECK (discount_total >= 0),
  total          INTEGER NOT NULL CHECK (total >= 0),
  payment_method TEXT NOT NULL CHECK (payment_method IN ('cash', 'qris', 'transfer')),
  tendered       INTEGER NOT NULL CHECK (tendered >= 0),
  change_given   INTEGER NOT NULL CHECK (change_given >= 0),
  payment_ref    TEXT NOT NULL DEFAULT '',
  request_hash   TEXT NOT NULL -- canonical hash of the request, for idempotent retries
) STRICT;
CREATE INDEX ix_sales_created ON sales(created_at);
CREATE INDEX ix_sales_shift ON sales(shift_id);

CREATE TABLE sale_lines (
  id             INTEGER PRIMARY KEY,
  sale_id        TEXT NOT NULL REFERENCES sales(id),
  line_no        INTEGER NOT NULL,
  product_id     INTEGER NOT NULL REFERENCES products(id),
  producer_id    INTEGER NOT NULL REFERENCES producers(id),
  terms_id       INTEGER NOT NULL REFERENCES product_terms(id),
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  unit_price     INTEGER NOT NULL CHECK (unit_price >= 0),
  discount       INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
  line_total     INTEGER NOT NULL CHECK (line_total >= 0),
  terms_mode     TEXT NOT NULL CHECK (terms_mode IN ('fixed', 'percent')),
  producer_price INTEGER,
  commission_bps INTEGER,
  producer_share INTEGER NOT NULL CHECK (producer_share >= 0),
  UNIQUE (sale_id, line_no)
) STRICT;
CREATE INDEX ix_sale_lines_product ON sale_lines(product_id);
CREATE INDEX ix_sale_lines_producer ON sale_lines(producer_id);

CREATE TABLE sale_voids (
  sale_id     TEXT PRIMARY KEY REFERENCES sales(id),
  voided_at   TEXT NOT NULL,
  shift_id    INTEGER NOT NULL REFERENCES shifts(id),
  approved_by INTEGER NOT NULL REFERENCES staff(id),
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;

CREATE TABLE refunds (
  id          TEXT PRIMARY KEY, -- client-made UUID
  sale_id     TEXT NOT NULL REFERENCES sales(id),
  refunded_at TEXT NOT NULL,
  shift_id    INTEGER REFERENCES shifts(id),
  approved_by INTEGER NOT NULL REFERENCES staff(id),
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  restock     INTEGER NOT NULL CHECK (restock IN (0, 1)),
  method      TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'transfer')),
  amount      INTEGER NOT NULL CHECK (amount >= 0),
  request_hash TEXT NOT NULL
) STRICT;
CREATE INDEX ix_refunds_sale ON refunds(sale_id);

CREATE TABLE refund_lines (
  id             INTEGER PRIMARY KEY,
  refund_id      TEXT NOT NULL REFERENCES refunds(id),
  sale_line_id   INTEGER NOT NULL REFERENCES sale_lines(id),
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  producer_share INTEGER NOT NULL CHECK (producer_share >= 0)
) STRICT;
CREATE INDEX ix_refund_lines_sale_line ON refund_lines(sale_line_id);

CREATE TABLE intakes (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE, -- TT-000001
  producer_id  INTEGER NOT NULL REFERENCES producers(id),
  received_at  TEXT NOT NULL,
  received_by  INTEGER REFERENCES staff(id),
  delivered_by TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE intake_lines (
  id          INTEGER PRIMARY KEY,
  intake_id   INTEGER NOT NULL REFERENCES intakes(id),
  product_id  INTEGER NOT NULL REFERENCES products(id),
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  expiry_date TEXT
) STRICT;
CREATE INDEX ix_intake_lines_intake ON intake_lines(intake_id);
CREATE INDEX ix_intake_lines_expiry ON intake_lines(expiry_date) WHERE expiry_date IS NOT NULL;

CREATE TABLE returns (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE, -- RT-000001
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  returned_at TEXT NOT NULL,
  created_by  INTEGER REFERENCES staff(id),
  received_by TEXT NOT NULL DEFAULT '', -- the producer's person who took the goods
  notes       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE return_lines (
  id          INTEGER PRIMARY KEY,
  return_id   INTEGER NOT NULL REFERENCES returns(id),
  product_id  INTEGER NOT NULL REFERENCES products(id),
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  reason      TEXT NOT NULL CHECK (reason IN ('unsold', 'expired', 'damaged')),
  expiry_date TEXT
) STRICT;

CREATE TABLE stock_counts (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE, -- SO-000001
  counted_at     TEXT NOT NULL,
  created_by     INTEGER REFERENCES staff(id),
  shrinkage_born_by TEXT NOT NULL CHECK (shrinkage_born_by IN ('shop', 'producer')),
  notes          TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE stock_count_lines (
  id         INTEGER PRIMARY KEY,
  count_id   INTEGER NOT NULL REFERENCES stock_counts(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  expected   INTEGER NOT NULL,
  counted    INTEGER NOT NULL CHECK (counted >= 0),
  difference INTEGER NOT NULL,
  reason     TEXT NOT NULL DEFAULT ''
) STRICT;

-- Stock on hand of a product = SUM(quantity) of its movements.
CREATE TABLE stock_movements (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products(id),
  quantity    INTEGER NOT NULL CHECK (quantity <> 0),
  kind        TEXT NOT NULL CHECK (kind IN ('intake', 'sale', 'void', 'refund', 'return', 'count')),
  ref_id      TEXT NOT NULL, -- id of the intake / sale / refund / return / count
  occurred_at TEXT NOT NULL
) STRICT;
CREATE INDEX ix_stock_movements_product ON stock_movements(product_id);
CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;

-- The producer ledger: what the shop owes each producer. Append-only, hash-chained per producer.
CREATE TABLE ledger_entries (
  id          INTEGER PRIMARY KEY,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  seq         INTEGER NOT NULL CHECK (seq >= 1), -- 1, 2, 3 … per producer
  kind        TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'shrinkage', 'deduction', 'adjustment', 'payout')),
  amount      INTEGER NOT NULL, -- signed rupiah: + the shop owes more, − the shop owes less
  occurred_at TEXT NOT NULL,
  ref_type    TEXT NOT NULL DEFAULT '', -- sale_line, refund_line, count_line, payout, …
  ref_id      TEXT NOT NULL DEFAULT '',
  product_id  INTEGER REFERENCES products(id),
  quantity    INTEGER,
  reason      TEXT NOT NULL DEFAULT '',
  created_by  INTEGER REFERENCES staff(id),
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  UNIQUE (producer_id, seq),
  CHECK ((kind IN ('sale', 'shrinkage') AND amount >= 0)
      OR (kind IN ('refund', 'deduction', 'payout') AND amount <= 0)
      OR kind = 'adjustment')
) STRICT;
CREATE INDEX ix_ledger_producer_time ON ledger_entries(producer_id, occurred_at);
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;

CREATE TABLE settlements (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE, -- ST-000001
  producer_id  INTEGER NOT NULL REFERENCES producers(id),
  period_start TEXT,          -- instant: end of the previous period (NULL for a producer's first)
  period_end   TEXT NOT NULL, -- instant
  due_date     TEXT NOT NULL, -- local date
  total_due    INTEGER NOT NULL CHECK (total_due >= 0),
  chain_head   TEXT NOT NULL, -- producer's ledger head when finalised
  created_at   TEXT NOT NULL,
  created_by   INTEGER REFERENCES staff(id),
  UNIQUE (producer_id, period_end)
) STRICT;
CREATE INDEX ix_settlements_period ON settlements(period_end);
CREATE TRIGGER settlements_no_update BEFORE UPDATE ON settlements BEGIN SELECT RAISE(ABORT, 'settlements never change'); END;
CREATE TRIGGER settlements_no_delete BEFORE DELETE ON settlements BEGIN SELECT RAISE(ABORT, 'settlements never change'); END;

-- Every ledger entry belongs to at most one settlement.
CREATE TABLE settlement_entries (
  settlement_id INTEGER NOT NULL REFERENCES settlements(id),
  entry_id      INTEGER NOT NULL UNIQUE REFERENCES ledger_entries(id),
  PRIMARY KEY (settlement_id, entry_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER settlement_entries_no_update BEFORE UPDATE ON settlement_entries BEGIN SELECT RAISE(ABORT, 'settlements never change'); END;
CREATE TRIGGER settlement_entries_no_delete BEFORE DELETE ON settlement_entries BEGIN SELECT RAISE(ABORT, 'settlements never change'); END;

CREATE TABLE payouts (
  id              TEXT PRIMARY KEY, -- client-made UUID
  settlement_id   INTEGER NOT NULL REFERENCES settlements(id),
  producer_id     INTEGER NOT NULL REFERENCES producers(id),
  amount          INTEGER NOT NULL CHECK (amount > 0),
  method          TEXT NOT NULL CHECK (method IN ('cash_drawer', 'cash_safe', 'transfer', 'ewallet')),
  reference       TEXT NOT NULL DEFAULT '',
  paid_at         TEXT NOT NULL,
  receiver_name   TEXT NOT NULL DEFAULT '',
  shift_id        INTEGER REFERENCES shifts(id), -- set when paid from the drawer
  ledger_entry_id INTEGER NOT NULL UNIQUE REFERENCES ledger_entries(id),
  created_at      TEXT NOT NULL,
  created_by      INTEGER REFERENCES staff(id),
  request_hash    TEXT NOT NULL
) STRICT;
CREATE INDEX ix_payouts_settlement ON payouts(settlement_id);
CREATE INDEX ix_payouts_shift ON payouts(shift_id) WHERE shift_id IS NOT NULL;
CREATE TRIGGER payouts_no_update BEFORE UPDATE ON payouts BEGIN SELECT RAISE(ABORT, 'payouts are append-only'); END;
CREATE TRIGGER payouts_no_delete BEFORE DELETE ON payouts BEGIN SELECT RAISE(ABORT, 'payouts are append-only'); END;

CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor_id     INTEGER REFERENCES staff(id),
  action       TEXT NOT NULL, -- e.g. sale.void, terms.change, staff.create
  subject_type TEXT NOT NULL DEFAULT '',
  subject_id   TEXT NOT NULL DEFAULT '',
  before_json  TEXT,
  after_json   TEXT,
  reason       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX ix_audit_at ON audit_log(at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
