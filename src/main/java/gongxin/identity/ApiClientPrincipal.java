package gongxin.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/** An API client authenticated by its key, for the length of one request (never stored in a session). */
record ApiClientPrincipal(UUID id, String name, String departmentCode, Set<String> departments, Set<Scope> scopes)
        implements Serializable {

    /** The name under which it appears in the audit log; staff user names cannot contain a colon. */
    String actorName() {
        return "api:" + name;
    }
}
