package gongxin.records;

import java.util.Arrays;
import java.util.Map;

/** Canonical JSON of a record's fields: keys in sorted order, so that the same data always gives the same text and hash. */
final class CanonicalJson {

    private CanonicalJson() {
    }

    /** JSON of a string map with its keys in sorted order, whatever the map's own order. */
    static String json(Map<String, String> fields) {
        String[] keys = fields.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        StringBuilder json = new StringBuilder(64 + 32 * keys.length).append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, keys[i]);
            json.append(':');
            String value = fields.get(keys[i]);
            if (value == null) {
                json.append("null");
            } else {
                quote(json, value);
            }
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        if (!needsEscape(text)) {
            json.append(text).append('"');
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
