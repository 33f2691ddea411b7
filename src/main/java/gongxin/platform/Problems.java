package gongxin.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;

import gongxin.shared.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details as the platform answers them: a stable {@code type}, a Chinese {@code title}, and for
 * refused input a list {@code errors: [{field, value, rule, message}]}.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:gongxin:problem:";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        if (detail != null) {
            problem.setDetail(detail);
        }
        return problem;
    }

    public static ProblemDetail violations(HttpStatus status, String title, List<RuleViolation> violations) {
        ProblemDetail problem = problem(status, "validation", title, null);
        problem.setProperty("errors", violations.stream().map(Problems::asMap).toList());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Map<String, Object> asMap(RuleViolation violation) {
        // LinkedHashMap semantics are not needed by clients, but a stable order reads better in logs and docs.
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("field", violation.field());
        map.put("value", violation.value());
        map.put("rule", violation.rule());
        map.put("message", violation.message());
        return map;
    }
}
