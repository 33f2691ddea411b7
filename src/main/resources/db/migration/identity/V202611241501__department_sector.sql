-- The sector a department belongs to, where rules differ by sector (market regulation publishes penalties within 20
-- working days instead of 7).
ALTER TABLE identity.department ADD COLUMN sector TEXT;
