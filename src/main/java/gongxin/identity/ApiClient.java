package gongxin.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A system that calls the API with a key: a provider's data system, a business system that runs checks, or an
 * exchange with another platform. Only the SM3 hash of its key is stored.
 *
 * @param aggregator acts for every department (e.g. the city's data exchange system), not only its own
 * @param keyHint the first characters of the key, to recognise it in lists
 */
record ApiClient(UUID id, String name, String departmentCode, boolean aggregator, Set<Scope> scopes, String keyHash,
                 String keyHint, boolean enabled, Instant createdAt, Instant keyIssuedAt, Instant lastUsedAt) {

    ApiClientPrincipal principal() {
        return new ApiClientPrincipal(id, name, departmentCode, aggregator, scopes);
    }
}
