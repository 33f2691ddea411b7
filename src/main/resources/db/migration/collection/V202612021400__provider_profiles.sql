-- Provider profiles (issue 13): a provider's system names fields its own way (COMP_NAME for 行政相对人名称). The
-- administrator keeps a profile per provider, versioned: a submission names the profile and its names are read as our
-- field codes; answers and error files keep the provider's names.
CREATE TABLE collection.profile (
    code         TEXT NOT NULL,
    version      INT NOT NULL,
    item_code    TEXT NOT NULL,
    columns      JSONB NOT NULL,
    description  TEXT,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  TEXT NOT NULL,
    PRIMARY KEY (code, version)
);
-- the profile a batch was read with: code@version
ALTER TABLE collection.batch ADD COLUMN profile TEXT;
