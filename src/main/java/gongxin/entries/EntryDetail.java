package gongxin.entries;

/**
 * How much of an entry a consumer needs, so that a producer streams a large change narrowly: checks need only the
 * entries that can trigger measures, without their fields and subject details; the website needs everything.
 */
public enum EntryDetail {
    /** Every entry, with its subject's details and its fields. */
    FULL,
    /**
     * At least every entry whose nature is not NEUTRAL (and those that were and may no longer be); subject as id only,
     * no fields.
     */
    MEASURES
}
