package gongxin.entries;

/**
 * What happened to entries, as the checks' change feed tells watchers (docs/api.md, {@code /api/v1/checks/changes}).
 * Names are the feed's and are extended, never renamed.
 */
public enum EntryChange {
    /** New or corrected records of a batch. */
    RECORD_ADDED(true),
    RECORD_REVOKED(true),
    RECORD_ENDED(true),
    RECORD_REPAIRED(true),
    /** An objection was filed: the entry is marked (异议处理中); its measures still apply. */
    OBJECTION_OPENED(true),
    /** The department accepted the objection (受理): the entry's measures are suspended until the decision. */
    OBJECTION_ACCEPTED(true),
    OBJECTION_CLOSED(true),
    /** A more favourable rule set changed a window: not a change watchers are told of. */
    WINDOW_CHANGED(false),
    LISTED(true),
    REMOVED(true),
    FLAGGED(true),
    COMMITMENT_MADE(false),
    COMMITMENT_KEPT(false),
    COMMITMENT_WITHDRAWN(false),
    BREACHED(true),
    BREACH_REPAIRED(true),
    /** A repair granted on false material was revoked: the entry counts again. */
    REPAIR_REVOKED(true);

    private final boolean told;

    EntryChange(boolean told) {
        this.told = told;
    }

    /** Whether a client watching the subject is told (the change feed). */
    public boolean told() {
        return told;
    }
}
