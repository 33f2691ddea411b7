package gongxin.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * How callers sign in. Staff use the Chinese login page and a session kept in the database (any node can serve
 * them); systems send an API key. What each caller may then do is decided on every endpoint by
 * {@code @PreAuthorize} (an architecture test makes sure none is missing); the URL rules here are a second fence.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "TRACE", "OPTIONS");

    static final String[] STAFF_AREAS = {"/console/**", "/admin/**", "/catalog/**", "/audit/**", "/account/**",
            "/collection/**", "/records/**", "/list-cases", "/list-cases/**", "/checks", "/checks/**",
            "/rights/queue", "/rights/queue/**", "/commitments", "/commitments/**", "/evaluation/**", "/sharing/**"};

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    /**
     * No observation per security filter, authentication and authorisation: with Micrometer on the classpath Spring
     * Security wraps each of its filters in an observation, and looking their meters up was 12 % of a check's CPU under
     * four clients (JFR, docs/benchmarks.md, issue 27, 3). The request itself is still observed (`http.server.requests`).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiClientService clients, ProblemResponses problems,
                            org.springframework.context.ApplicationContext context) throws Exception {
        // CSRF protects what a browser sends on its own: the session cookie. A write that carries a session needs the
        // token, whatever else it carries (a Basic or made-up Authorization header proves nothing); a bearer key is
        // not sent by a browser on its own, and a request with neither has nothing to abuse: it is then answered
        // 401 by the authorisation rules, not 403 by this filter.
        RequestMatcher needsToken = (HttpServletRequest request) -> !SAFE_METHODS.contains(request.getMethod())
                && ApiKeyAuthenticationFilter.bearerKey(request) == null && request.getRequestedSessionId() != null;
        http.securityMatcher("/api/**")
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients, problems), BasicAuthenticationFilter.class)
                // the public operations are open; every other request needs credentials before its body is read
                // (issue 25, finding 2); what a caller may then do is each endpoint's @PreAuthorize
                .authorizeHttpRequests(requests -> requests.requestMatchers(new PublicApiOperations(context)).permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(needsToken).ignoringRequestMatchers("/api/v1/public/**")
                        .csrfTokenRequestHandler(headerOnly()))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response, 401,
                                "unauthorized", "需要登录或提供有效的接口密钥", "请使用 Authorization: Bearer <接口密钥>"))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                problems.write(response, 403, "csrf", "缺少或无效的 CSRF 令牌",
                                        "登录会话发出的写请求须带页面的 CSRF 令牌（X-CSRF-TOKEN）；系统请使用 Authorization: Bearer <接口密钥>");
                            } else {
                                problems.write(response, 403, "forbidden", "无权执行此操作",
                                        "当前账户或接口客户端没有所需的角色或权限范围");
                            }
                        }));
        return http.build();
    }

    /**
     * The API takes the CSRF token from the {@code X-CSRF-TOKEN} header only: looking for a {@code _csrf} parameter
     * makes the container parse a multipart body, and a made-up session cookie is enough to get that far (issue 25,
     * finding 2).
     */
    private static org.springframework.security.web.csrf.CsrfTokenRequestHandler headerOnly() {
        var delegate = new org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler();
        return new org.springframework.security.web.csrf.CsrfTokenRequestHandler() {
            @Override
            public void handle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                               java.util.function.Supplier<org.springframework.security.web.csrf.CsrfToken> token) {
                delegate.handle(request, response, token);
            }

            @Override
            public String resolveCsrfTokenValue(HttpServletRequest request, org.springframework.security.web.csrf.CsrfToken token) {
                return request.getHeader(token.getHeaderName()) == null ? null : delegate.resolveCsrfTokenValue(request, token);
            }
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(STAFF_AREAS).authenticated()
                        // the metrics tell who uses the platform how much (issue 25, finding 9): the credit office only,
                        // or a scraper on the management port when `management.server.port` is set
                        .requestMatchers("/actuator/prometheus").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/console", false)
                        .failureHandler(loginFailureHandler()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailureHandler() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
