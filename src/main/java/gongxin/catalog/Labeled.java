package gongxin.catalog;

import java.util.Arrays;
import java.util.Optional;

/** An enumeration whose constants have a Chinese label, accepted as input wherever the code is. */
public interface Labeled {

    String label();

    String name();

    /** The constant whose code or Chinese label is {@code text} (trimmed, case-insensitive for codes). */
    static <E extends Enum<E> & Labeled> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(value) || e.label().equals(value))
                .findFirst();
    }
}
