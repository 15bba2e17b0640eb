-- Stock levels: a running on-hand per product, so the cashier's scan (SPEC §11:
-- lookup p99 ≤ 1 ms on a five-year store) reads ONE row instead of summing every
-- movement of the product (the best seller has tens of thousands after five years).
--
-- The movements stay the source of truth. `stock_levels` is a derived cache kept
-- by the trigger below, in the same transaction as the movement, so a rolled-back
-- write rolls its level back too. It has to be updatable (unlike the append-only
-- tables) because the trigger updates it; the guards further down refuse every
-- other change, and the stock check (electron/core/stock/levels.ts, `stock.verify`)
-- recomputes each level from the movements and reports any difference.
CREATE TABLE stock_levels (
  product_id       INTEGER PRIMARY KEY REFERENCES products(id),
  on_hand          INTEGER NOT NULL,
  -- The newest movement counted in (its id): the guards below use it so no movement counts twice.
  last_movement_id INTEGER NOT NULL,
  -- The latest occurred_at of the product's movements (the stock list shows it).
  last_movement_at TEXT NOT NULL
) STRICT;

-- Backfill from the history (movements are append-only, so this is the whole truth).
INSERT INTO stock_levels (product_id, on_hand, last_movement_id, last_movement_at)
  SELECT product_id, SUM(quantity), MAX(id), MAX(occurred_at) FROM stock_movements GROUP BY product_id;

-- Every movement moves its product's level. Movements are only ever inserted
-- (UPDATE and DELETE are refused since 0001), so insert is the only change.
-- An update, then an insert when the product had no level yet (two primary-key
-- lookups; an upsert would leave the insert guard no way to tell a new level
-- from a REPLACE of an existing one).
CREATE TRIGGER stock_movements_level AFTER INSERT ON stock_movements BEGIN
  UPDATE stock_levels
     SET on_hand = on_hand + NEW.quantity,
         last_movement_id = NEW.id,
         last_movement_at = MAX(last_movement_at, NEW.occurred_at)
   WHERE product_id = NEW.product_id;
  INSERT INTO stock_levels (product_id, on_hand, last_movement_id, last_movement_at)
    SELECT NEW.product_id, NEW.quantity, NEW.id, NEW.occurred_at
     WHERE NOT EXISTS (SELECT 1 FROM stock_levels WHERE product_id = NEW.product_id);
END;

-- Guards: a level changes only by counting in a movement of its product newer
-- than the last one it counted (the trigger above does exactly that). Every
-- level already counts its product's newest movement, so outside the trigger no
-- such movement exists: any ad-hoc INSERT, REPLACE, UPDATE or DELETE is refused.
CREATE TRIGGER stock_levels_guard_insert BEFORE INSERT ON stock_levels
  WHEN EXISTS (SELECT 1 FROM stock_levels WHERE product_id = NEW.product_id)
    OR NOT EXISTS (
      SELECT 1 FROM stock_movements m
       WHERE m.id = NEW.last_movement_id AND m.product_id = NEW.product_id
         AND m.quantity = NEW.on_hand AND m.occurred_at = NEW.last_movement_at
         AND NOT EXISTS (SELECT 1 FROM stock_movements o WHERE o.product_id = NEW.product_id AND o.id <> m.id)
    )
BEGIN SELECT RAISE(ABORT, 'stock levels follow stock movements only'); END;
CREATE TRIGGER stock_levels_guard_update BEFORE UPDATE ON stock_levels
  WHEN NEW.product_id IS NOT OLD.product_id OR NEW.last_movement_id <= OLD.last_movement_id OR NOT EXISTS (
    SELECT 1 FROM stock_movements m
     WHERE m.id = NEW.last_movement_id AND m.product_id = OLD.product_id
       AND NEW.on_hand = OLD.on_hand + m.quantity
       AND NEW.last_movement_at = MAX(OLD.last_movement_at, m.occurred_at)
  )
BEGIN SELECT RAISE(ABORT, 'stock levels follow stock movements only'); END;
CREATE TRIGGER stock_levels_no_delete BEFORE DELETE ON stock_levels BEGIN SELECT RAISE(ABORT, 'stock levels follow stock movements only'); END;
