-- The website's list pages (双公示) read the newest published records of an item from here (issue 27, item 4; ADR
-- 0033): the website no longer keeps a copy of every entry. Published and not a minor's: what a list page may show
-- before the window check, which the statement makes with the day.
CREATE INDEX record_public_latest_idx ON records.record (item_code, decision_date DESC, id DESC)
    WHERE status = 'PUBLISHED' AND NOT minor;
