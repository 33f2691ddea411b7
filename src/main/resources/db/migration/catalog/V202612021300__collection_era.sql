-- History (issue 13): cities migrating to the platform bring the 双公示 data they have collected since 2015. Records of
-- these information types decided before the first catalog edition in the platform are accepted under its first
-- edition and the rule sets of their date; a decision before the era's first day is refused (before-collection-era).
CREATE TABLE catalog.collection_era (
    info_type    TEXT PRIMARY KEY,
    from_date    DATE NOT NULL,
    basis        TEXT NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  TEXT NOT NULL
);
INSERT INTO catalog.collection_era (info_type, from_date, basis, recorded_at, recorded_by) VALUES
('ADMINISTRATIVE_PENALTY', '2015-01-01', '行政许可和行政处罚等信用信息“双公示”制度（2015 年起建立）；城市平台自 2015 年归集双公示数据', now(), 'migration'),
('ADMINISTRATIVE_LICENCE', '2015-01-01', '行政许可和行政处罚等信用信息“双公示”制度（2015 年起建立）；城市平台自 2015 年归集双公示数据', now(), 'migration');
