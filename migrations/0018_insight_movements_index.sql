-- What sells (issue #17): a producer's weeks read each product's stock movements
-- since a date. The product index (product_id, quantity) finds every movement the
-- product ever had and looks each row up for its time; after five years that is
-- tens of thousands of rows per best seller. This index answers "movements of
-- this product since then" as one range, covering the columns the insight reads.
CREATE INDEX ix_stock_movements_product_time ON stock_movements(product_id, occurred_at, kind, quantity);
