-- Lots on the shelf, kept (issue #14): the expiry list needs to know which units
-- of each delivered lot are still on the shelf. That is a fold over every stock
-- movement of the product since day one (shared/domain/stockLots.ts,
-- `lotsOnShelf`: first expired, first out); replaying five years of sales took
-- seconds. These tables keep the fold's state, moved along by the core in the
-- same transaction as each stock movement (electron/core/stock/lotState.ts), the
-- way 0006 keeps stock_levels.on_hand.
--
-- The movements stay the source of truth; this is a derived cache and is
-- updated in place. It is filled from the history when the store is opened
-- (`catchUpLotState`, idempotent: a product whose state lags its newest movement
-- is replayed), and `stock.verify` replays every product and reports any
-- difference. The expiry list never trusts a lagging product: it replays it.

-- One row per product that has movements: how far its state has folded, and the
-- units that left beyond the recorded stock (a later delivery covers them first).
CREATE TABLE stock_lot_state (
  product_id          INTEGER PRIMARY KEY REFERENCES products(id),
  through_movement_id INTEGER NOT NULL,
  unrecorded          INTEGER NOT NULL CHECK (unrecorded >= 0),
  -- how many runs of what left (stock_lot_taken's seq 1..taken_runs)
  taken_runs          INTEGER NOT NULL CHECK (taken_runs >= 0)
) STRICT;

-- Every delivered lot (an intake line whose intake movement was folded in): its units left.
CREATE TABLE stock_lot_left (
  lot_id        INTEGER PRIMARY KEY REFERENCES intake_lines(id),
  product_id    INTEGER NOT NULL REFERENCES products(id),
  -- the movement that delivered it: among lots with the same expiry date, the older leaves first
  delivered_by  INTEGER NOT NULL,
  expiry_date   TEXT,
  quantity_left INTEGER NOT NULL CHECK (quantity_left >= 0)
) STRICT;
CREATE INDEX ix_stock_lot_left_product ON stock_lot_left(product_id);
-- The shelf of a product: the lot to leave first is the first row.
CREATE INDEX ix_stock_lot_left_shelf ON stock_lot_left(product_id, expiry_date IS NULL, expiry_date, delivered_by) WHERE quantity_left > 0;

-- What left the shelf, newest last, as runs per product (a unit coming back returns to the newest run's lot).
CREATE TABLE stock_lot_taken (
  product_id INTEGER NOT NULL REFERENCES products(id),
  seq        INTEGER NOT NULL CHECK (seq >= 1),
  lot_id     INTEGER NOT NULL,
  quantity   INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (product_id, seq)
) STRICT, WITHOUT ROWID;
