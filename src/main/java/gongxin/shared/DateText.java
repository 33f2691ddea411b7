package gongxin.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as provider files write them: {@code 2026-03-05}, {@code 2026/3/5}, {@code 2026.3.5}, {@code 20260305},
 * {@code 2026年3月5日}, also with full-width digits, and a time part that is ignored. Only real dates are accepted:
 * {@code 2026-02-30} is refused, never rolled over.
 */
public final class DateText {

    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private DateText() {
    }

    public static Optional<LocalDate> parse(String raw) {
        String text = Text.normalize(raw);
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SEPARATED.matcher(text);
        if (!m.matches()) {
            m = COMPACT.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
