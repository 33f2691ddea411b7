package gongxin.records;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import gongxin.platform.KeyRing;
import gongxin.shared.Text;
import org.springframework.stereotype.Component;

/**
 * Personal identifiers in records (the subject's ID number, a legal representative's) are stored encrypted with SM4
 * and found by their HMAC-SM3 digest; the keys are in the {@link KeyRing}'s file, not in the database. The content
 * hash that tells a re-sent record from a correction is taken over the fields with each identifier replaced by its
 * digest: the same record always hashes the same, and the hash is no oracle for guessing a number.
 */
@Component
class IdentifierProtection {

    private static final String DIGEST_PREFIX = "hmac-sm3:";
    private final KeyRing keys;

    IdentifierProtection(KeyRing keys) {
        this.keys = keys;
    }

    /**
     * A record's fields as stored and as hashed.
     *
     * @param stored identifiers encrypted
     * @param hashed identifiers replaced by their digest
     */
    record Fields(Map<String, String> stored, Map<String, String> hashed) {
    }

    Fields protect(Set<String> identifierFields, Map<String, String> data) {
        Map<String, String> stored = null;
        Map<String, String> hashed = null;
        for (String code : identifierFields) {
            String value = data.get(code);
            if (value == null || value.isEmpty() || KeyRing.isProtected(value)) {
                continue;
            }
            if (stored == null) {
                stored = new HashMap<>(data);
                hashed = new HashMap<>(data);
            }
            stored.put(code, keys.protect(value));
            hashed.put(code, DIGEST_PREFIX + digest(value));
        }
        return stored == null ? new Fields(data, data) : new Fields(stored, hashed);
    }

    /** The fields with every encrypted value decrypted, for a reader allowed to see them. */
    Map<String, String> reveal(Map<String, String> data) {
        Map<String, String> out = null;
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (KeyRing.isProtected(e.getValue())) {
                if (out == null) {
                    out = new HashMap<>(data);
                }
                out.put(e.getKey(), keys.reveal(e.getValue()));
            }
        }
        return out == null ? data : out;
    }

    String encrypt(String value) {
        return value == null ? null : keys.protect(value);
    }

    String decrypt(String value) {
        return keys.reveal(value);
    }

    /** The look-up digest of an identifier, whatever width or case it was written in. */
    String digest(String value) {
        return value == null ? null : keys.lookupDigest(Text.normalizeIdentifier(value));
    }
}
