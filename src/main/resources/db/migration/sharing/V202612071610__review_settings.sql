-- What the credit office's review of the query history flags (issue 24, 5), as data with its effective date: a caller
-- reading many subjects within an hour, reads outside working hours or on days off, reads for a matter the caller
-- rarely handles.
CREATE TABLE sharing.review_setting (
    effective_from          DATE PRIMARY KEY,
    subjects_per_hour       INT NOT NULL CHECK (subjects_per_hour > 0),
    working_from            TIME NOT NULL,
    working_to              TIME NOT NULL,
    rare_matter_share       NUMERIC NOT NULL CHECK (rare_matter_share > 0 AND rare_matter_share < 1),
    rare_matter_min_reads   INT NOT NULL CHECK (rare_matter_min_reads > 0),
    basis                   TEXT NOT NULL
);
INSERT INTO sharing.review_setting VALUES
('2021-11-01', 50, '08:00', '18:00', 0.05, 20,
 '示例市信用办口径（示例数据）：单个调用方一小时内查询超过 50 个主体、非工作日或工作时间以外的查询、占其查询量不足 5% 的事项（其查询量不少于 20 次）列为异常，供人工复核');
