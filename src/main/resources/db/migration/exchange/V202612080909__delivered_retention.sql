-- Issue 23: a delivered item is kept for a period, then its row (which holds the item as sent, ID numbers included)
-- is deleted; the entry's last version and digest stay in entry_version, so an unchanged entry still queues nothing.
-- The period is data with its effective date.
CREATE TABLE exchange.retention (
    effective_from  DATE PRIMARY KEY,
    delivered_days  INT NOT NULL CHECK (delivered_days >= 1),
    basis           TEXT NOT NULL
);
INSERT INTO exchange.retention (effective_from, delivered_days, basis) VALUES
('2023-01-01', 90, '推送明细保留 90 日以备对账与重发；此后仅保留各条信息的最新版本号与摘要（示例城市口径）');
CREATE INDEX outbound_delivered_idx ON exchange.outbound (delivered_at) WHERE status = 'DELIVERED';
