package gongxin.platform;

import java.util.Map;

import gongxin.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What pages show when what was asked for does not exist: 404, not a server error. The API's own advice
 * ({@link ApiExceptionHandler}, ordered first) answers problem details for REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptions {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        ModelAndView page = new ModelAndView("error", Map.of("status", 404, "title", ErrorPages.title(HttpStatus.NOT_FOUND)));
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
