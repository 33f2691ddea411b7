package gongxin.platform;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/** The access rule an endpoint states: its method's {@code @PreAuthorize}, or its class's; {@code denyAll()} without. */
public final class AccessRules {

    public static final String OPEN = "permitAll()";

    private AccessRules() {
    }

    public static String of(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        return rule == null ? "denyAll()" : rule.value();
    }

    /** Whether anyone may call it. */
    public static boolean open(HandlerMethod handler) {
        return of(handler).replace(" ", "").equals(OPEN);
    }
}
