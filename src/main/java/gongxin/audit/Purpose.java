package gongxin.audit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import gongxin.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import gongxin.shared.Text;

/**
 * The purpose a reader declares before reading data that is not public (个人信息保护法 art. 6: a clear, reasonable
 * purpose; GB/T 35273). It is required, never defaulted, and is written with the read into the audit log.
 *
 * <p>Systems send it in the header {@code X-Purpose}. HTTP headers carry only Latin-1, so a Chinese purpose is sent
 * percent-encoded as UTF-8 ({@code encodeURIComponent("政府采购资格审查")}); plain ASCII is taken as it is.
 */
public record Purpose(String text) {

    public static final String HEADER = "X-Purpose";
    /** Where a staff user's purpose for the session is kept once declared on {@code /purpose}. */
    static final String SESSION_ATTRIBUTE = "gongxin.purpose";
    static final int MAX_LENGTH = 200;

    public Purpose {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a purpose is required");
        }
    }

    /** The declared purpose from the header (percent-encoded), or a refusal with rule {@code purpose-required}. */
    public static Purpose required(String raw, String field) {
        return of(raw).orElseThrow(() -> RuleViolationException.of(field, null, "purpose-required",
                "读取非公开信息须说明查询目的（请求头 X-Purpose，中文请按 UTF-8 百分号编码）"));
    }

    /**
     * The declared purpose as text that arrived decoded already (a JSON body, a form field, a header decoded once):
     * taken as written, never decoded again, so that {@code 100%} stays {@code 100%} and {@code %25} is not read as
     * {@code %} (issue 25, finding 9); a refusal with rule {@code purpose-required} when there is none.
     */
    public static Purpose requiredText(String text, String field) {
        String clean = Text.clean(text);
        if (clean == null || clean.isBlank()) {
            throw RuleViolationException.of(field, null, "purpose-required", "读取非公开信息须说明查询目的");
        }
        if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
            throw RuleViolationException.of(field, null, "purpose-length", "查询目的不能超过 " + MAX_LENGTH + " 个字");
        }
        return new Purpose(clean);
    }

    /**
     * The purpose of the current request: the {@code X-Purpose} header, or, for a signed-in staff user, the purpose
     * declared for the session ({@code /purpose}, asked for before the first page that shows non-public data).
     * Refused with rule {@code purpose-required} when there is none.
     */
    public static Purpose declared(HttpServletRequest request) {
        Optional<Purpose> header = of(request.getHeader(HEADER));
        if (header.isPresent()) {
            return header.get();
        }
        return ofSession(request).orElseThrow(() -> RuleViolationException.of(HEADER, null, "purpose-required",
                "读取非公开信息须说明查询目的（请求头 X-Purpose，中文请按 UTF-8 百分号编码）"));
    }

    static Optional<Purpose> ofSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String text
                ? Optional.of(new Purpose(text)) : Optional.empty();
    }

    /** The purpose in a header or form field: percent-decoded, cleaned; empty when nothing usable was sent. */
    public static Optional<Purpose> of(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String decoded = raw;
        if (raw.indexOf('%') >= 0) {
            try {
                decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw RuleViolationException.of("X-Purpose", raw.length() > 60 ? raw.substring(0, 60) : raw,
                        "purpose-encoding", "查询目的须为 UTF-8 百分号编码的文字");
            }
        }
        String clean = Text.clean(decoded);
        if (clean == null || clean.isBlank()) {
            return Optional.empty();
        }
        if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
            throw RuleViolationException.of("X-Purpose", null, "purpose-length", "查询目的不能超过 " + MAX_LENGTH + " 个字");
        }
        return Optional.of(new Purpose(clean));
    }
}
