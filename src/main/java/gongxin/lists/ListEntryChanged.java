package gongxin.lists;

/**
 * A subject was put on a list or taken off it (a decision, a removal, a red-list import or a flag): read models and
 * checks take the entry as {@link ListEntries#find} now describes it.
 */
public record ListEntryChanged(long entryId, long subjectId) {
}
