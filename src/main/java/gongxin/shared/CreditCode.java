package gongxin.shared;

/**
 * Unified social credit code (统一社会信用代码) of an organisation or individual business.
 *
 * <p>GB 32100-2015: 18 characters from {@value #CHARSET} (no I, O, Z, S, V). Position 1 is the registration
 * authority, 2 the entity type, 3–8 the administrative division, 9–17 the organisation code with its own check
 * character (GB 11714-1997), 18 the check character over the first 17.
 *
 * <p>Codes issued in the pilot era that fail the check character exist in real data; they are accepted only through
 * {@link #checkAllowingPilotEra}, never silently, and are marked {@link #pilotEra()}.
 *
 * @param value the normalised 18 characters
 * @param pilotEra true when the code fails the GB 32100 check character and was accepted explicitly
 */
public record CreditCode(String value, boolean pilotEra) {

    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public CreditCode {
        if (value == null || value.length() != 18) {
            throw new IllegalArgumentException("a credit code has 18 characters: " + value);
        }
    }

    /** Parses a valid code, or throws a {@link RuleViolationException} naming the field 统一社会信用代码. */
    public static CreditCode of(String raw) {
        return check(raw).orElseThrow("统一社会信用代码");
    }

    /** Checks a code strictly: every rule of GB 32100 and GB 11714. */
    public static IdentifierCheck<CreditCode> check(String raw) {
        return check(raw, false);
    }

    /** Like {@link #check}, but a wrong GB 32100 check character is accepted and marked {@link #pilotEra()}. */
    public static IdentifierCheck<CreditCode> checkAllowingPilotEra(String raw) {
        return check(raw, true);
    }

    private static IdentifierCheck<CreditCode> check(String raw, boolean allowPilotEra) {
        String code = Text.normalizeIdentifier(raw);
        if (code == null || code.isEmpty()) {
            return IdentifierCheck.invalid(raw, code, "required", "统一社会信用代码不能为空");
        }
        if (code.length() != 18) {
            return IdentifierCheck.invalid(raw, code, "length",
                    "统一社会信用代码应为18位，实际为" + code.length() + "位");
        }
        for (int i = 0; i < 18; i++) {
            char c = code.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                return IdentifierCheck.invalid(raw, code, "charset",
                        "统一社会信用代码第" + (i + 1) + "位“" + c + "”不是合法字符（不使用 I、O、Z、S、V）");
            }
        }
        if (organizationCodeCheckCharacter(code.substring(8, 16)) != code.charAt(16)) {
            return IdentifierCheck.invalid(raw, code, "organization-code-check",
                    "统一社会信用代码第9-17位（组织机构代码）校验码错误");
        }
        boolean checkCharacterOk = checkCharacter(code.substring(0, 17)) == code.charAt(17);
        if (!checkCharacterOk && !allowPilotEra) {
            return IdentifierCheck.invalid(raw, code, "check-character", "统一社会信用代码校验位错误");
        }
        return IdentifierCheck.valid(raw, code, new CreditCode(code, !checkCharacterOk));
    }

    /** GB 32100 check character over the first 17 characters, which must be from {@link #CHARSET}. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714 check character of an organisation code's first 8 characters: digits, or letters worth 10–35. */
    public static char organizationCodeCheckCharacter(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORGANIZATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** The six-digit administrative division (positions 3–8). */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
