package gongxin.records;

import java.time.Instant;

/** A record's basis was revoked: it must leave every public and screening view. */
public record RecordRevoked(long recordId, String itemCode, String departmentCode, Instant revokedAt) {
}
