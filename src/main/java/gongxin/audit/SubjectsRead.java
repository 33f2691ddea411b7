package gongxin.audit;

import java.util.List;

/**
 * Non-public information about these subjects was read (a check, a SPECIAL report, a look-up…), announced in the
 * reader's transaction with its audit entry, so that each subject's query history (who queried me) has it.
 *
 * @param channel how it was read: {@code CHECK}, {@code REPORT}, {@code LOOKUP}, {@code EVALUATION}…
 * @param matter the matter it was read for, when the read names one
 */
public record SubjectsRead(String channel, List<Long> subjectIds, String matter, String purpose) {

    public SubjectsRead {
        subjectIds = subjectIds == null ? List.of() : List.copyOf(subjectIds);
    }
}
