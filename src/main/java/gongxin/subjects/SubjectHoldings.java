package gongxin.subjects;

import java.util.List;
import java.util.Map;

/**
 * What other modules hold about a subject (its records, its list entries), for the subject look-up; implemented by
 * those modules so that the registry depends on none of them.
 */
public interface SubjectHoldings {

    /** The name of the part of the answer this fills ({@code records}, {@code listEntries}). */
    String part();

    /**
     * @param history staff of the platform see the whole history (谁认定、谁负责; history stays for staff); a system
     *                ({@code check}/{@code share} client) gets only what may still be shared: no revoked, repaired or
     *                minor's records, no entry that left its list, no repaired breach (issue 25, finding 6; docs/api.md:
     *                "repaired information is no longer shared")
     */
    List<Map<String, Object>> of(long subjectId, boolean history);
}
