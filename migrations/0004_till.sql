-- Till: indexes for shift reports (refunds, voids and payouts of a shift), the
-- shift list, and the sales report's refunds by date. Selling writes none of them
-- except through refunds and voids, so sales.create stays as fast as before.
CREATE INDEX ix_refunds_shift ON refunds(shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX ix_refunds_at ON refunds(refunded_at);
CREATE INDEX ix_sale_voids_shift ON sale_voids(shift_id);
CREATE INDEX ix_shifts_opened ON shifts(opened_at);
-- A refund's own lines (every read of a sale with refunds).
CREATE INDEX ix_refund_lines_refund ON refund_lines(refund_id);
