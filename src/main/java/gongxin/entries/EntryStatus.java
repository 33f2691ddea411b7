package gongxin.entries;

/**
 * Where an entry stands for publication. The names are the records' statuses (the website's read model has kept them
 * since the first release), with REMOVED for entries that left a list.
 */
public enum EntryStatus {
    /** Shown while its window lasts. */
    PUBLISHED,
    /** Kept, never shown (a minor's, 轻微 by default, an item that is not public). */
    NOT_PUBLISHED,
    PUBLICITY_ENDED,
    /** Its basis was revoked: out of every view at once. */
    REVOKED,
    /** Credit repair was granted: not shown, not shared, no hit; history kept. */
    REPAIRED,
    /** Taken off its list (or a red-list entry flagged), history kept. */
    REMOVED
}
