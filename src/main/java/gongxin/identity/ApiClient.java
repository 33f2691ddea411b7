package gongxin.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A system that calls the API with a key: a provider's data system, a business system that runs checks, or an
 * exchange with another platform. Only the SM3 hash of its key is stored.
 *
 * @param actsFor the other departments it is registered to act for (e.g. the city's data collection system for the
 *                departments whose data it forwards); never "all departments": a new department is represented by no
 *                system until an administrator registers it
 * @param keyHint the first characters of the key, to recognise it in lists
 */
record ApiClient(UUID id, String name, String departmentCode, Set<String> actsFor, Set<Scope> scopes, String keyHash,
                 String keyHint, boolean enabled, Instant createdAt, Instant keyIssuedAt, Instant lastUsedAt) {

    ApiClient {
        actsFor = actsFor == null ? Set.of() : Set.copyOf(new java.util.TreeSet<>(actsFor));
    }

    /** Its own department and those it is registered for. */
    Set<String> departments() {
        Set<String> all = new java.util.TreeSet<>(actsFor);
        all.add(departmentCode);
        return Set.copyOf(all);
    }

    ApiClientPrincipal principal() {
        return new ApiClientPrincipal(id, name, departmentCode, departments(), scopes);
    }
}
