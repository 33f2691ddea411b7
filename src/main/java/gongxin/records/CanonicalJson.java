package gongxin.records;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Canonical JSON of a record's fields: keys in sorted order, so that the same data always gives the same text and hash. */
final class CanonicalJson {

    private CanonicalJson() {
    }

    /** JSON of a string map with its keys in sorted order, whatever the map's own order. */
    static String json(Map<String, String> fields) {
        return new String(new Writer().utf8(fields), StandardCharsets.UTF_8);
    }

    /**
     * Writes canonical JSON straight as UTF-8, the bytes that are stored and hashed: byte for byte what
     * {@code json(fields).getBytes(UTF_8)} gives (an unpaired surrogate becomes {@code ?}, as Java's encoder makes it).
     * The rows of a batch have the same fields in the same order: a writer sorts a key set once and reuses the order
     * while the maps it is given keep that key set. One writer per thread.
     */
    static final class Writer {
        private String[] keys = new String[0];
        private String[] sorted = keys;
        private byte[] out = new byte[1024];
        private int length;

        byte[] utf8(Map<String, String> fields) {
            if (!sameKeys(fields)) {
                keys = fields.keySet().toArray(new String[0]);
                sorted = keys.clone();
                Arrays.sort(sorted);
            }
            length = 0;
            put('{');
            for (int i = 0; i < sorted.length; i++) {
                if (i > 0) {
                    put(',');
                }
                quote(sorted[i]);
                put(':');
                String value = fields.get(sorted[i]);
                if (value == null) {
                    put('n');
                    put('u');
                    put('l');
                    put('l');
                } else {
                    quote(value);
                }
            }
            put('}');
            return Arrays.copyOf(out, length);
        }

        private boolean sameKeys(Map<String, String> fields) {
            if (fields.size() != keys.length) {
                return false;
            }
            int i = 0;
            for (String key : fields.keySet()) {
                String last = keys[i++];
                if (key != last && !key.equals(last)) {
                    return false;
                }
            }
            return true;
        }

        private void quote(String text) {
            ensure(2 + 6 * text.length());
            out[length++] = '"';
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '"' -> escape('"');
                        case '\\' -> escape('\\');
                        case '\n' -> escape('n');
                        case '\r' -> escape('r');
                        case '\t' -> escape('t');
                        default -> {
                            if (c < 0x20) {
                                unicodeEscape(c);
                            } else {
                                out[length++] = (byte) c;
                            }
                        }
                    }
                } else if (c < 0x800) {
                    out[length++] = (byte) (0xc0 | (c >> 6));
                    out[length++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    out[length++] = (byte) (0xf0 | (cp >> 18));
                    out[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    out[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    out[length++] = (byte) (0x80 | (cp & 0x3f));
                } else if (Character.isSurrogate(c)) {
                    out[length++] = '?';
                } else {
                    out[length++] = (byte) (0xe0 | (c >> 12));
                    out[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    out[length++] = (byte) (0x80 | (c & 0x3f));
                }
            }
            out[length++] = '"';
        }

        private void escape(char c) {
            out[length++] = '\\';
            out[length++] = (byte) c;
        }

        private void unicodeEscape(char c) {
            out[length++] = '\\';
            out[length++] = 'u';
            out[length++] = '0';
            out[length++] = '0';
            out[length++] = (byte) Character.forDigit(c >> 4, 16);
            out[length++] = (byte) Character.forDigit(c & 0xf, 16);
        }

        private void put(char c) {
            ensure(1);
            out[length++] = (byte) c;
        }

        private void ensure(int more) {
            if (length + more > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
            }
        }
    }
}
