-- A producer whose week nets below zero (e.g. a refund of last week's sale) gets
-- a settlement of Rp 0 payable that carries the negative amount into their next
-- settlement (SPEC §7). Per settlement, for the slip and the next settlement:
--   carried_in      the negative amount brought from the producer's previous settlement (≤ 0)
--   carried_forward the negative amount this settlement passes on (≤ 0)
-- so that (sum of its entries) + carried_in = total_due + carried_forward.
-- Columns with defaults: settlements written before this migration carry nothing.
ALTER TABLE settlements ADD COLUMN carried_in INTEGER NOT NULL DEFAULT 0 CHECK (carried_in <= 0);
ALTER TABLE settlements ADD COLUMN carried_forward INTEGER NOT NULL DEFAULT 0 CHECK (carried_forward <= 0);
