-- Kept sums (SPEC §11): what the manager's screens add up is kept as rows are
-- appended, so five years of a shop never get summed again on every screen.
-- The source rows stay the truth; each kept sum is derived by a trigger in the
-- same transaction as its row (a rolled-back write rolls its sum back) and is
-- checked against the rows by a verify method (`ledger.verify`, `reports.verifyDaily`).

-- 1. Per producer: the ledger balance (sum of entries), the entry count, what
--    was settled (sum of settlement totals) and paid (sum of payouts).
CREATE TABLE producer_balances (
  producer_id INTEGER PRIMARY KEY REFERENCES producers(id),
  balance     INTEGER NOT NULL DEFAULT 0,
  entries     INTEGER NOT NULL DEFAULT 0,
  settled     INTEGER NOT NULL DEFAULT 0,
  paid        INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO producer_balances (producer_id, balance, entries, settled, paid)
  SELECT pr.id,
         COALESCE((SELECT SUM(amount) FROM ledger_entries le WHERE le.producer_id = pr.id), 0),
         COALESCE((SELECT COUNT(*) FROM ledger_entries le WHERE le.producer_id = pr.id), 0),
         COALESCE((SELECT SUM(total_due) FROM settlements s WHERE s.producer_id = pr.id), 0),
         COALESCE((SELECT SUM(amount) FROM payouts po WHERE po.producer_id = pr.id), 0)
    FROM producers pr;

CREATE TRIGGER producers_balance_row AFTER INSERT ON producers BEGIN
  INSERT OR IGNORE INTO producer_balances (producer_id) VALUES (NEW.id);
END;
CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries BEGIN
  INSERT INTO producer_balances (producer_id, balance, entries) VALUES (NEW.producer_id, NEW.amount, 1)
    ON CONFLICT (producer_id) DO UPDATE SET balance = balance + excluded.balance, entries = entries + 1;
END;
CREATE TRIGGER settlements_balance AFTER INSERT ON settlements BEGIN
  INSERT INTO producer_balances (producer_id, settled) VALUES (NEW.producer_id, NEW.total_due)
    ON CONFLICT (producer_id) DO UPDATE SET settled = settled + excluded.settled;
END;
CREATE TRIGGER payouts_balance AFTER INSERT ON payouts BEGIN
  INSERT INTO producer_balances (producer_id, paid) VALUES (NEW.producer_id, NEW.amount)
    ON CONFLICT (producer_id) DO UPDATE SET paid = paid + excluded.paid;
END;

-- 2. Daily sales per store-local day and product: what was sold (voided sales
--    counted apart, on the sale's own day, so "sales net of voids" per day is
--    exactly the old report), and what was refunded on the refund's day.
--    The local day is the UTC instant moved by the store's UTC offset, kept in
--    `sales_day_clock` (Indonesia has no daylight saving; a time-zone change
--    rebuilds the days, electron/core/reports/dailySales.ts).
CREATE TABLE sales_day_clock (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  modifier TEXT NOT NULL -- an SQLite date modifier, e.g. '+420 minutes'
) STRICT;
INSERT INTO sales_day_clock (id, modifier) VALUES (1,
  CASE COALESCE((SELECT json_extract(value, '$') FROM settings WHERE key = 'timeZone'), 'Asia/Jakarta')
    WHEN 'Asia/Makassar' THEN '+480 minutes'
    WHEN 'Asia/Jayapura' THEN '+540 minutes'
    WHEN 'UTC' THEN '+0 minutes'
    WHEN 'Etc/UTC' THEN '+0 minutes'
    WHEN 'Asia/Singapore' THEN '+480 minutes'
    WHEN 'Asia/Kuala_Lumpur' THEN '+480 minutes'
    ELSE '+420 minutes' END);

CREATE TABLE sales_days (
  day            TEXT NOT NULL,    -- store-local date
  product_id     INTEGER NOT NULL REFERENCES products(id),
  producer_id    INTEGER NOT NULL REFERENCES producers(id),
  units          INTEGER NOT NULL DEFAULT 0,
  gross          INTEGER NOT NULL DEFAULT 0, -- unit price × quantity
  discounts      INTEGER NOT NULL DEFAULT 0,
  net            INTEGER NOT NULL DEFAULT 0, -- line totals
  producer_share INTEGER NOT NULL DEFAULT 0,
  void_units     INTEGER NOT NULL DEFAULT 0, -- of sales made this day and voided
  void_gross     INTEGER NOT NULL DEFAULT 0,
  void_discounts INTEGER NOT NULL DEFAULT 0,
  void_net       INTEGER NOT NULL DEFAULT 0,
  void_share     INTEGER NOT NULL DEFAULT 0,
  refund_units   INTEGER NOT NULL DEFAULT 0, -- refunded this day
  refund_net     INTEGER NOT NULL DEFAULT 0,
  refund_share   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, product_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_sales_days_producer ON sales_days(producer_id, day);

-- Per day and payment method: sales taken, voided (on the sale's day), refunded (on the refund's day, by its method).
CREATE TABLE sales_day_payments (
  day         TEXT NOT NULL,
  method      TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'transfer')),
  sales       INTEGER NOT NULL DEFAULT 0,
  taken       INTEGER NOT NULL DEFAULT 0,
  void_sales  INTEGER NOT NULL DEFAULT 0,
  voided      INTEGER NOT NULL DEFAULT 0,
  refunds     INTEGER NOT NULL DEFAULT 0,
  refunded    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, method)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER sales_day_payment AFTER INSERT ON sales BEGIN
  INSERT INTO sales_day_payments (day, method, sales, taken)
    VALUES (date(NEW.created_at, (SELECT modifier FROM sales_day_clock)), NEW.payment_method, 1, NEW.total)
    ON CONFLICT (day, method) DO UPDATE SET sales = sales + 1, taken = taken + excluded.taken;
END;
CREATE TRIGGER sales_day_line AFTER INSERT ON sale_lines BEGIN
  INSERT INTO sales_days (day, product_id, producer_id, units, gross, discounts, net, producer_share)
    VALUES (date((SELECT created_at FROM sales WHERE id = NEW.sale_id), (SELECT modifier FROM sales_day_clock)),
            NEW.product_id, NEW.producer_id, NEW.quantity, NEW.quantity * NEW.unit_price, NEW.discount, NEW.line_total, NEW.producer_share)
    ON CONFLICT (day, product_id) DO UPDATE SET
      units = units + excluded.units, gross = gross + excluded.gross, discounts = discounts + excluded.discounts,
      net = net + excluded.net, producer_share = producer_share + excluded.producer_share;
END;
CREATE TRIGGER sales_day_void AFTER INSERT ON sale_voids BEGIN
  UPDATE sales_days AS d SET
      void_units = d.void_units + x.units, void_gross = d.void_gross + x.gross, void_discounts = d.void_discounts + x.discounts,
      void_net = d.void_net + x.net, void_share = d.void_share + x.share
    FROM (SELECT l.product_id, SUM(l.quantity) AS units, SUM(l.quantity * l.unit_price) AS gross, SUM(l.discount) AS discounts,
                 SUM(l.line_total) AS net, SUM(l.producer_share) AS share
            FROM sale_lines l WHERE l.sale_id = NEW.sale_id GROUP BY l.product_id) AS x
   WHERE d.day = date((SELECT created_at FROM sales WHERE id = NEW.sale_id), (SELECT modifier FROM sales_day_clock))
     AND d.product_id = x.product_id;
  UPDATE sales_day_payments AS p SET void_sales = p.void_sales + 1, voided = p.voided + s.total
    FROM (SELECT created_at, payment_method, total FROM sales WHERE id = NEW.sale_id) AS s
   WHERE p.day = date(s.created_at, (SELECT modifier FROM sales_day_clock)) AND p.method = s.payment_method;
END;
CREATE TRIGGER sales_day_refund AFTER INSERT ON refunds BEGIN
  INSERT INTO sales_day_payments (day, method, refunds, refunded)
    VALUES (date(NEW.refunded_at, (SELECT modifier FROM sales_day_clock)), NEW.method, 1, NEW.amount)
    ON CONFLICT (day, method) DO UPDATE SET refunds = refunds + 1, refunded = refunded + excluded.refunded;
END;
CREATE TRIGGER sales_day_refund_line AFTER INSERT ON refund_lines BEGIN
  INSERT INTO sales_days (day, product_id, producer_id, refund_units, refund_net, refund_share)
    SELECT date((SELECT refunded_at FROM refunds WHERE id = NEW.refund_id), (SELECT modifier FROM sales_day_clock)),
           l.product_id, l.producer_id, NEW.quantity, NEW.amount, NEW.producer_share
      FROM sale_lines l WHERE l.id = NEW.sale_line_id
    ON CONFLICT (day, product_id) DO UPDATE SET
      refund_units = refund_units + excluded.refund_units, refund_net = refund_net + excluded.refund_net,
      refund_share = refund_share + excluded.refund_share;
END;

-- Backfill from the history (the same shapes the triggers write).
-- The rebuild in electron/core/reports/dailySales.ts runs the same three statements.
INSERT INTO sales_days (day, product_id, producer_id, units, gross, discounts, net, producer_share,
                        void_units, void_gross, void_discounts, void_net, void_share)
  SELECT date(s.created_at, (SELECT modifier FROM sales_day_clock)) AS day, l.product_id, MIN(l.producer_id),
         SUM(l.quantity), SUM(l.quantity * l.unit_price), SUM(l.discount), SUM(l.line_total), SUM(l.producer_share),
         SUM(CASE WHEN v.sale_id IS NULL THEN 0 ELSE l.quantity END),
         SUM(CASE WHEN v.sale_id IS NULL THEN 0 ELSE l.quantity * l.unit_price END),
         SUM(CASE WHEN v.sale_id IS NULL THEN 0 ELSE l.discount END),
         SUM(CASE WHEN v.sale_id IS NULL THEN 0 ELSE l.line_total END),
         SUM(CASE WHEN v.sale_id IS NULL THEN 0 ELSE l.producer_share END)
    FROM sales s JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN sale_voids v ON v.sale_id = s.id
   GROUP BY 1, 2;
INSERT INTO sales_days (day, product_id, producer_id, refund_units, refund_net, refund_share)
  SELECT date(r.refunded_at, (SELECT modifier FROM sales_day_clock)) AS day, l.product_id, MIN(l.producer_id),
         SUM(rl.quantity), SUM(rl.amount), SUM(rl.producer_share)
    FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id JOIN sale_lines l ON l.id = rl.sale_line_id
   GROUP BY 1, 2
  ON CONFLICT (day, product_id) DO UPDATE SET
    refund_units = refund_units + excluded.refund_units, refund_net = refund_net + excluded.refund_net,
    refund_share = refund_share + excluded.refund_share;
INSERT INTO sales_day_payments (day, method, sales, taken, void_sales, voided)
  SELECT date(s.created_at, (SELECT modifier FROM sales_day_clock)) AS day, s.payment_method,
         COUNT(*), SUM(s.total), COUNT(v.sale_id), SUM(CASE WHEN v.sale_id IS NULL THEN 0 ELSE s.total END)
    FROM sales s LEFT JOIN sale_voids v ON v.sale_id = s.id
   GROUP BY 1, 2;
INSERT INTO sales_day_payments (day, method, refunds, refunded)
  SELECT date(r.refunded_at, (SELECT modifier FROM sales_day_clock)) AS day, r.method, COUNT(*), SUM(r.amount)
    FROM refunds r GROUP BY 1, 2
  ON CONFLICT (day, method) DO UPDATE SET refunds = refunds + excluded.refunds, refunded = refunded + excluded.refunded;
