package gongxin.collection;

import java.time.Instant;
import java.util.Map;

/**
 * How one provider's system names the fields of one catalog item: their column name → our field code. Versioned: a
 * change makes a new version, and a batch remembers the version it was read with.
 */
record ProviderProfile(String code, int version, String itemCode, Map<String, String> columns, String description,
                       Instant recordedAt, String recordedBy) {

    /** How a batch names it. */
    String reference() {
        return code + "@" + version;
    }

    /** The provider's name for a field, if the profile renames it. */
    String nameOf(String fieldCode) {
        return columns.entrySet().stream().filter(e -> e.getValue().equals(fieldCode)).map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
