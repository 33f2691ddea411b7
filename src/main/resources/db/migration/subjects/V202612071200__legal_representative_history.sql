-- Who represented an organisation when (issue 26, finding 3: 落实到人 on the representative of the day asked). Written
-- only when an organisation's representative is seen to change (records name them with their decision dates): an
-- organisation without rows has had one representative as far as the platform knows, the one on its subject row.
CREATE TABLE subjects.legal_representative (
    organisation_id  BIGINT NOT NULL REFERENCES subjects.subject (id),
    since            DATE NOT NULL,
    name             TEXT NOT NULL,
    person_id        BIGINT REFERENCES subjects.subject (id),
    PRIMARY KEY (organisation_id, since)
);
CREATE INDEX legal_representative_person_idx ON subjects.legal_representative (person_id) WHERE person_id IS NOT NULL;
