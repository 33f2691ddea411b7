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

    List<Map<String, Object>> of(long subjectId);
}
