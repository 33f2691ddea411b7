package gongxin.identity;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API operations anyone may call, as their own {@code @PreAuthorize("permitAll()")} says: every other {@code /api}
 * request without credentials is refused by the filter chain before anything reads its body (issue 25, finding 2: an
 * anonymous 1 GB multipart upload to a department's endpoint was parsed before the method's rule refused it). Read
 * from the handler mappings once, so a new public endpoint is public here the moment it exists, and no list is kept by
 * hand beside the annotations.
 */
final class PublicApiOperations implements RequestMatcher {

    private final ApplicationContext context;
    private volatile List<RequestMatcher> matchers;

    PublicApiOperations(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        for (RequestMatcher m : matchers()) {
            if (m.matches(request)) {
                return true;
            }
        }
        return false;
    }

    private List<RequestMatcher> matchers() {
        List<RequestMatcher> found = matchers;
        if (found == null) {
            found = new ArrayList<>();
            RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            for (var entry : mapping.getHandlerMethods().entrySet()) {
                if (!gongxin.platform.AccessRules.open(entry.getValue())) {
                    continue;
                }
                RequestMappingInfo info = entry.getKey();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    if (info.getMethodsCondition().getMethods().isEmpty()) {
                        found.add(PathPatternRequestMatcher.withDefaults().matcher(pattern));
                    }
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        found.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(method.name()), pattern));
                    }
                }
            }
            matchers = List.copyOf(found);
        }
        return found;
    }
}
