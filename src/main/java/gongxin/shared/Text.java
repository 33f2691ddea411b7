package gongxin.shared;

/**
 * Normalisation of text as providers really send it. {@link #normalize} is for codes, numbers, dates and headers:
 * full-width ASCII (ＡＢＣ１２３, full-width brackets and space) becomes half-width. {@link #clean} is for names and
 * other Chinese text, whose full-width punctuation is part of the official form (示例（集团）有限公司). Both remove
 * surrounding white space, including the ideographic space, and zero-width characters.
 */
public final class Text {

    private Text() {
    }

    /** Full-width ASCII to half-width, then trimmed; {@code null} stays {@code null}. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        if (!hasAny(raw, true)) {
            return raw.strip(); // most cells: nothing to convert, and strip() returns the same string when it can
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                out.append(' ');
            } else if (c == '\u200B' || c == '\uFEFF') {
                // zero-width space and stray byte-order marks carry no meaning
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Surrounding white space and zero-width characters removed; the characters themselves are kept. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        if (!hasAny(raw, false)) {
            return raw.strip();
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u3000' || c == '\u00A0') {
                out.append(' ');
            } else if (c != '\u200B' && c != '\uFEFF') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * A name as the platform keeps it: full-width letters, digits and spaces become half-width, brackets take the
     * Chinese full-width form of official names (示例（集团）有限公司), surrounding white space goes.
     */
    public static String normalizeName(String raw) {
        String cleaned = clean(raw);
        if (cleaned == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(cleaned.length());
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if ((c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')) {
                out.append((char) (c - 0xFEE0));
            } else if (c == '(') {
                out.append('（');
            } else if (c == ')') {
                out.append('）');
            } else {
                out.append(c);
            }
        }
        String name = out.toString();
        return hasRepeatedSpace(name) ? name.replaceAll("\\s{2,}", " ") : name;
    }

    /** Whether the text has a character {@link #normalize} (fullWidth) or {@link #clean} would change. */
    private static boolean hasAny(String raw, boolean fullWidth) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u3000' || c == '\u00A0' || c == '\u200B' || c == '\uFEFF' || (fullWidth && c >= '\uFF01' && c <= '\uFF5E')) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRepeatedSpace(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && Character.isWhitespace(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** {@link #normalize} and upper-case, for identifiers. */
    public static String normalizeIdentifier(String raw) {
        String normalized = normalize(raw);
        return normalized == null ? null : normalized.toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean isBlank(String value) {
        return value == null || normalize(value).isEmpty();
    }

    /**
     * A violation when a text a person typed is longer than its field takes (issue 25, finding 9: names and statements
     * had no bound); null when it fits or is absent. Counted in characters (code points), as a reader counts Chinese.
     */
    public static RuleViolation tooLong(String field, String value, int max, String label) {
        if (value == null || value.codePointCount(0, value.length()) <= max) {
            return null;
        }
        return RuleViolation.of(field, value.substring(0, Math.min(value.length(), 20)) + "…", "too-long",
                label + "不能超过 " + max + " 个字");
    }
}
