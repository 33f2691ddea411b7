package gongxin.platform;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container shows when a request ends in an error no controller handled: problem details for the
 * API, a Chinese page for people. Stack traces and exception messages are never shown.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(value = "/error", produces = "application/problem+json")
    @PreAuthorize("permitAll()")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        return Problems.respond(Problems.problem(status, slug(status), title(status), null));
    }

    @RequestMapping("/error")
    @PreAuthorize("permitAll()")
    Object page(HttpServletRequest request) {
        HttpStatus status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith("/api/")) {
            return problem(request);
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "title", title(status)));
        page.setStatus(status);
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case CONTENT_TOO_LARGE -> "payload-too-large";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case BAD_REQUEST -> "malformed-request";
            default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
        };
    }

    static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "页面或资源不存在";
            case UNAUTHORIZED -> "需要登录或提供有效的接口密钥";
            case FORBIDDEN -> "无权访问";
            case CONTENT_TOO_LARGE -> "上传内容过大";
            case METHOD_NOT_ALLOWED -> "不支持的请求方法";
            case BAD_REQUEST -> "请求有误";
            case TOO_MANY_REQUESTS -> "请求过于频繁，请稍后再试";
            default -> status.is5xxServerError() ? "服务器内部错误，请稍后重试" : "请求未能完成";
        };
    }
}
