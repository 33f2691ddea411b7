package gongxin.platform;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size}: refused before any controller sees it, so this
 * advice applies to every request (the API's advice only applies once a REST controller was chosen). 413 with
 * problem details for the API, a short Chinese page for forms. Nothing was stored.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return Problems.respond(Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "文件过大", "上传内容超过了平台允许的大小上限，未作任何处理；请拆分后重新报送"));
        }
        String page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>文件过大</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/css/gongxin.css\"></head><body><main>"
                + "<h1>文件过大</h1><p>上传内容超过了平台允许的大小上限，未作任何处理。请拆分后重新上传。</p>"
                + "<p><a href=\"javascript:history.back()\">返回</a></p></main></body></html>";
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }
}
