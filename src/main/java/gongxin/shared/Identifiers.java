package gongxin.shared;

import java.time.LocalDate;

/**
 * Tells whether a string is a unified social credit code or a citizen ID number, and whether it is valid.
 *
 * <p>An 18-character string of digits (with a final X) may be either; a valid ID number wins, then a valid credit
 * code. When both are invalid, a string whose positions 7–14 read as a plausible birth date is reported as an ID
 * number, anything else of 18 credit-code characters as a credit code.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * @param value as sent
     * @param normalized after normalisation
     * @param kind what it is taken to be
     * @param valid whether it passes every rule of its kind
     * @param reason the broken rule's identifier, {@code null} when valid
     * @param message the broken rule in Chinese, {@code null} when valid
     */
    public record Classification(String value, String normalized, IdentifierKind kind, boolean valid,
                                 String reason, String message) {
    }

    public static Classification classify(String raw, LocalDate today) {
        String normalized = Text.normalizeIdentifier(raw);
        if (normalized == null || normalized.isEmpty()) {
            return new Classification(raw, normalized, IdentifierKind.UNKNOWN, false, "required", "请输入统一社会信用代码或身份证号码");
        }
        boolean idShape = normalized.matches("\\d{17}[\\dX]");
        if (idShape) {
            IdentifierCheck<IdNumber> id = IdNumber.check(normalized, today);
            if (id.valid()) {
                return of(raw, IdentifierKind.ID_NUMBER, id);
            }
            IdentifierCheck<CreditCode> code = CreditCode.check(normalized);
            if (code.valid()) {
                return of(raw, IdentifierKind.CREDIT_CODE, code);
            }
            return plausibleBirthDate(normalized) ? of(raw, IdentifierKind.ID_NUMBER, id) : of(raw, IdentifierKind.CREDIT_CODE, code);
        }
        if (normalized.length() == 18 && normalized.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return of(raw, IdentifierKind.CREDIT_CODE, CreditCode.check(normalized));
        }
        if (normalized.matches("\\d{15}")) {
            return of(raw, IdentifierKind.ID_NUMBER, IdNumber.check(normalized, today));
        }
        return new Classification(raw, normalized, IdentifierKind.UNKNOWN, false, "length",
                "无法识别：统一社会信用代码和身份证号码都应为18位，实际为" + normalized.length() + "位");
    }

    private static Classification of(String raw, IdentifierKind kind, IdentifierCheck<?> check) {
        return new Classification(raw, check.normalized(), kind, check.valid(), check.rule(), check.message());
    }

    private static boolean plausibleBirthDate(String number) {
        LocalDate date = IdNumber.birthDate(number);
        return date != null && date.getYear() >= 1800 && date.getYear() <= 2200;
    }
}
