package gongxin.records;

/** What happened to one submitted record. */
public enum Outcome {
    /** A new record. */
    CREATED,
    /** The same decision with changed data: a new version, the old one kept. */
    CORRECTED,
    /** The platform already holds it exactly so (idempotent re-sending). */
    UNCHANGED,
    /** The same record again within one submission: counted once. */
    DUPLICATE,
    /** The same decision twice within one submission with different data: refused. */
    CONFLICT,
    /** A changed record for a decision whose basis was revoked: refused. */
    REVOKED
}
