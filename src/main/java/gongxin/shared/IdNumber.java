package gongxin.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * Citizen identity number (公民身份号码) of a natural person.
 *
 * <p>GB 11643-1999: 6-digit division, 8-digit birth date (a real date), 3-digit sequence (odd for men), and a check
 * character from {@code 10X98765432} chosen by the weighted sum of the first 17 digits mod 11.
 *
 * @param value the normalised 18 characters
 * @param birthDate the birth date it encodes
 */
public record IdNumber(String value, LocalDate birthDate) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int EARLIEST_BIRTH_YEAR = 1800;

    public IdNumber {
        if (value == null || value.length() != 18 || birthDate == null) {
            throw new IllegalArgumentException("an ID number has 18 characters and a birth date: " + value);
        }
    }

    /** Parses a valid number, or throws a {@link RuleViolationException} naming the field 身份证号码. */
    public static IdNumber of(String raw) {
        return check(raw).orElseThrow("身份证号码");
    }

    /** Checks every rule that needs no calendar; see {@link #check(String, LocalDate)} for dates in the future. */
    public static IdentifierCheck<IdNumber> check(String raw) {
        return check(raw, null);
    }

    /**
     * Checks every rule of GB 11643; with {@code today}, a birth date after it is refused too.
     */
    public static IdentifierCheck<IdNumber> check(String raw, LocalDate today) {
        String number = Text.normalizeIdentifier(raw);
        if (number == null || number.isEmpty()) {
            return IdentifierCheck.invalid(raw, number, "required", "身份证号码不能为空");
        }
        if (number.matches("\\d{15}")) {
            return IdentifierCheck.invalid(raw, number, "length", "15位旧版身份证号码，请提供18位号码");
        }
        if (number.length() != 18) {
            return IdentifierCheck.invalid(raw, number, "length", "身份证号码应为18位，实际为" + number.length() + "位");
        }
        for (int i = 0; i < 17; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return IdentifierCheck.invalid(raw, number, "charset", "身份证号码前17位应为数字，第" + (i + 1) + "位不是");
            }
        }
        char last = number.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return IdentifierCheck.invalid(raw, number, "charset", "身份证号码末位应为数字或X");
        }
        LocalDate birthDate = birthDate(number);
        if (birthDate == null || birthDate.getYear() < EARLIEST_BIRTH_YEAR) {
            return IdentifierCheck.invalid(raw, number, "birth-date",
                    "身份证号码中的出生日期“" + number.substring(6, 14) + "”不是有效日期");
        }
        if (today != null && birthDate.isAfter(today)) {
            return IdentifierCheck.invalid(raw, number, "birth-date",
                    "身份证号码中的出生日期“" + number.substring(6, 14) + "”晚于今天");
        }
        if (checkCharacter(number.substring(0, 17)) != last) {
            return IdentifierCheck.invalid(raw, number, "check-character", "身份证号码校验码错误");
        }
        return IdentifierCheck.valid(raw, number, new IdNumber(number, birthDate));
    }

    /** GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The date in positions 7–14 when it is a real date, else {@code null}. */
    static LocalDate birthDate(String number) {
        try {
            return LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** Whether the person was under 18 on {@code date} (minors' penalties are never published). */
    public boolean minorOn(LocalDate date) {
        return Period.between(birthDate, date).getYears() < 18;
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * An identifier as staff screens and kept error values show it: the first and last four characters (region and
     * check part), the rest starred; short values entirely starred.
     */
    public static String masked(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 8 ? "*".repeat(value.length())
                : value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }
}
