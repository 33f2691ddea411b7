package gongxin.identity;

import java.util.Arrays;
import java.util.Optional;

/** What an API client may do, per {@code api.md}. */
public enum Scope {
    SUBMIT("submit", "报送数据"),
    CHECK("check", "联合奖惩核查"),
    SHARE("share", "共享查询"),
    EXCHANGE("exchange", "平台交换");

    private final String code;
    private final String label;

    Scope(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "SCOPE_" + code;
    }

    public static Optional<Scope> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
