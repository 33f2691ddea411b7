package gongxin.platform;

import java.util.List;

import gongxin.shared.ConflictException;
import gongxin.shared.NotFoundException;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.RestController;

/** Turns the platform's and Spring MVC's exceptions raised by API controllers into problem details. */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
        ProblemDetail problem = Problems.violations(e instanceof NotPermittedException ? HttpStatus.FORBIDDEN
                : HttpStatus.UNPROCESSABLE_CONTENT, e.title(), e.violations());
        if (!"validation".equals(e.problemType())) {
            problem.setType(java.net.URI.create("urn:gongxin:problem:" + e.problemType()));
        }
        e.properties().forEach((name, value) -> problem.setProperty(name, value instanceof java.time.LocalDate d ? d.toString() : value));
        return Problems.respond(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "未找到", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = Problems.violations(HttpStatus.CONFLICT, e.getMessage(),
                List.of(RuleViolation.of(e.field(), e.value(), "unique", e.getMessage())));
        problem.setType(java.net.URI.create("urn:gongxin:problem:conflict"));
        return Problems.respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "" : switch (type.getSimpleName()) {
            case "LocalDate" -> "应为有效日期（YYYY-MM-DD）";
            case "int", "Integer", "long", "Long" -> "应为整数";
            case "Instant", "OffsetDateTime" -> "应为带时区的 ISO-8601 时间";
            default -> "格式不正确";
        };
        String value = e.getValue() == null ? null : String.valueOf(e.getValue());
        return badRequest(RuleViolation.of(e.getName(), value, "format", "参数 " + e.getName() + " " + expected));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return badRequest(RuleViolation.of(e.getParameterName(), null, "required", "缺少参数 " + e.getParameterName()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return badRequest(RuleViolation.of(e.getRequestPartName(), null, "required", "缺少上传部分 " + e.getRequestPartName()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<RuleViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::violation).toList();
        return Problems.respond(Problems.violations(HttpStatus.UNPROCESSABLE_CONTENT, "请求内容不符合规则", violations));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<RuleViolation> violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> RuleViolation.of(
                        result.getMethodParameter().getParameterName(),
                        result.getArgument() == null ? null : String.valueOf(result.getArgument()),
                        error.getCodes() == null || error.getCodes().length == 0 ? "invalid" : lastSegment(error.getCodes()[error.getCodes().length - 1]),
                        error.getDefaultMessage())))
                .toList();
        return Problems.respond(Problems.violations(HttpStatus.BAD_REQUEST, "请求参数不符合规则", violations));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "请求体无法解析",
                "请求体不是有效的 JSON，或字段类型不符"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.respond(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "不支持的内容类型", "不支持 " + e.getContentType()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.respond(Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "不支持的请求方法", "不支持 " + e.getMethod()));
    }

    /** Security decides about these: an anonymous caller gets 401, a known one 403. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error in an API call", e);
        return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "服务器内部错误", "请求未能完成，请稍后重试或联系平台管理员"));
    }

    private ResponseEntity<ProblemDetail> badRequest(RuleViolation violation) {
        return Problems.respond(Problems.violations(HttpStatus.BAD_REQUEST, violation.message(), List.of(violation)));
    }

    private static RuleViolation violation(FieldError error) {
        String code = error.getCode() == null ? "invalid" : lastSegment(error.getCode());
        return RuleViolation.of(error.getField(),
                error.getRejectedValue() == null ? null : String.valueOf(error.getRejectedValue()),
                code, error.getDefaultMessage());
    }

    private static String lastSegment(String code) {
        int dot = code.lastIndexOf('.');
        String last = dot >= 0 ? code.substring(dot + 1) : code;
        return last.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
