-- Objections from the public (issue 11) are accepted or refused within the same 3 working days as repair applications
-- (docs/api.md, "Rights": both kinds are accepted before they are decided), then verified within OBJECTION_VERIFICATION.
INSERT INTO catalog.deadline (code, effective_from, working_days, name, basis, recorded_at, recorded_by) VALUES
('OBJECTION_ACCEPTANCE', '2026-04-01', 3, '异议申请：决定是否受理', '国家发展改革委令第36号；城市信用平台异议处理规程', now(), 'migration');
