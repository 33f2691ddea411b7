-- Issue 25, finding 8: a check makes its client follow the subject's changes for a period (gongxin.screening.watch-for,
-- 180 days by default; a later check extends it), not for ever. Watches made before: the period from their start.
ALTER TABLE screening.watch ADD COLUMN until TIMESTAMP WITH TIME ZONE;
UPDATE screening.watch SET until = since + interval '180 days';
ALTER TABLE screening.watch ALTER COLUMN until SET NOT NULL;
