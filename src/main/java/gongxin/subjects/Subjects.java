package gongxin.subjects;

import java.util.List;

/** The subject registry as other modules use it. */
public interface Subjects {

    /**
     * Finds or creates the subject of each claim (and its legal representative's), bringing names up to date by
     * decision date; runs in the caller's transaction.
     *
     * @return the subject id of each claim, in order; 0 for a claim that identifies nobody
     */
    long[] resolve(List<SubjectClaim> claims);
}
