package gongxin.audit;

import java.util.Map;

/**
 * Where modules record what happened. An entry joins the caller's transaction, so a change and its audit entry are
 * written together or not at all; the actor (user or API client) and client address are taken from the request.
 */
public interface AuditLog {

    /** A change, a login, an administrative act. */
    void record(String action, String objectType, String objectId, Map<String, ?> details);

    /** A read of non-public data, with the purpose the reader declared. */
    void recordRead(String objectType, String objectId, Purpose purpose, Map<String, ?> details);

    /**
     * A read of non-public data about subjects: recorded as {@link #recordRead}, and announced ({@link SubjectsRead}) in
     * the same transaction so that each subject's query history has it (issue 24: who queried me).
     */
    void recordSubjectsRead(String channel, String objectType, String objectId, Purpose purpose, Map<String, ?> details,
                            String matter, java.util.Collection<Long> subjectIds);

    /** Like {@link #record}, but for an actor that is not the current request's (e.g. a failed login). */
    void recordAs(String actor, String action, String objectType, String objectId, Map<String, ?> details);
}
