-- What configuration the read model was built with (sections of items, masking rules), so that a change of it is
-- noticed at the next start and the read model is built again.
CREATE TABLE portal.projection_state (
    id          INT PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL,
    rebuilt_at  TIMESTAMP WITH TIME ZONE,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
