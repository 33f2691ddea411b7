package gongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff sign-in: hashed passwords, lockout after failed attempts, CSRF, and every attempt in the audit log. */
class SignInTest extends IntegrationTest {

    @Autowired
    StaffUserService users;

    @Autowired
    JdbcClient jdbc;

    private String newUser() {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new StaffUserService.NewUser(username, "测试用户", "CITY-SAMR", EnumSet.of(Role.OPERATOR), "secret-pass-123"), false);
        return username;
    }

    private int auditCount(String actor, String action) {
        return jdbc.sql("select count(*) from audit.entry where actor = ? and action = ?").params(actor, action)
                .query(Integer.class).single();
    }

    @Nested
    class Passwords {

        @Test
        void are_stored_as_bcrypt_hashes() {
            String username = newUser();
            String hash = jdbc.sql("select password_hash from identity.staff_user where username = ?").param(username)
                    .query(String.class).single();
            assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("secret-pass-123");
        }

        @Test
        void the_right_password_signs_in_and_lands_on_the_console() {
            String username = newUser();
            TestHttp http = http();
            assertThat(http.login(username, "secret-pass-123")).endsWith("/console");
            assertThat(http.get("/console").body()).contains("工作台", "测试用户");
            assertThat(auditCount(username, "LOGIN_SUCCEEDED")).isEqualTo(1);
        }

        @Test
        void a_wrong_password_is_refused_in_chinese() {
            String username = newUser();
            TestHttp http = http();
            assertThat(http.login(username, "wrong-pass-123")).endsWith("/login?error=bad");
            assertThat(http.get("/login?error=bad").body()).contains("用户名或密码错误");
            assertThat(http.get("/console").status()).isEqualTo(302);
            assertThat(auditCount(username, "LOGIN_FAILED")).isEqualTo(1);
        }
    }

    @Nested
    class Lockout {

        @Test
        void five_failures_lock_the_account_even_against_the_right_password() {
            String username = newUser();
            for (int i = 0; i < 5; i++) {
                http().login(username, "wrong-pass-123");
            }
            assertThat(http().login(username, "secret-pass-123")).endsWith("/login?error=locked");
            assertThat(auditCount(username, "ACCOUNT_LOCKED")).isEqualTo(1);
            assertThat(auditCount(username, "LOGIN_REFUSED_LOCKED")).isEqualTo(1);
        }

        @Test
        void failures_count_on_the_account_whatever_case_or_width_is_typed() {
            String username = newUser();
            String[] spellings = {username.toUpperCase(), " " + username, username.toUpperCase() + " ",
                    toFullWidth(username), username.substring(0, 1).toUpperCase() + username.substring(1)};
            for (String spelling : spellings) {
                http().login(spelling, "wrong-pass-123");
            }
            assertThat(http().login(username, "secret-pass-123")).endsWith("/login?error=locked");
            assertThat(auditCount(username, "ACCOUNT_LOCKED")).isEqualTo(1);
        }

        private static String toFullWidth(String ascii) {
            StringBuilder out = new StringBuilder();
            ascii.chars().forEach(c -> out.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
            return out.toString();
        }

        @Test
        void the_lock_ends_after_fifteen_minutes() {
            String username = newUser();
            for (int i = 0; i < 5; i++) {
                http().login(username, "wrong-pass-123");
            }
            clock.advance(Duration.ofMinutes(14));
            assertThat(http().login(username, "secret-pass-123")).endsWith("/login?error=locked");
            clock.advance(Duration.ofMinutes(2));
            assertThat(http().login(username, "secret-pass-123")).endsWith("/console");
        }

        @Test
        void a_success_resets_the_count() {
            String username = newUser();
            for (int i = 0; i < 4; i++) {
                http().login(username, "wrong-pass-123");
            }
            http().login(username, "secret-pass-123");
            for (int i = 0; i < 4; i++) {
                http().login(username, "wrong-pass-123");
            }
            assertThat(http().login(username, "secret-pass-123")).endsWith("/console");
        }

        @Test
        void an_administrator_can_unlock() {
            String username = newUser();
            for (int i = 0; i < 5; i++) {
                http().login(username, "wrong-pass-123");
            }
            TestHttp admin = staff("admin");
            String csrf = admin.csrfOf("/admin/users");
            assertThat(admin.form("/admin/users/" + username + "/unlock", Map.of("_csrf", csrf)).status()).isEqualTo(302);
            assertThat(http().login(username, "secret-pass-123")).endsWith("/console");
        }
    }

    @Nested
    class Forms {

        @Test
        void a_post_without_the_csrf_token_is_refused() {
            String username = newUser();
            TestHttp http = http();
            http.get("/login");
            TestHttp.Response response = http.form("/login", Map.of("username", username, "password", "secret-pass-123"));
            assertThat(response.status()).isEqualTo(403);
            assertThat(auditCount(username, "LOGIN_SUCCEEDED")).isZero();
        }

        @Test
        void the_session_cookie_is_http_only() {
            TestHttp http = http();
            String csrf = http.csrfOf("/login");
            TestHttp.Response response = http.form("/login", Map.of("username", "admin", "password", DEMO_PASSWORD, "_csrf", csrf));
            assertThat(response.header("Set-Cookie")).contains("GONGXIN_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
        }

        @Test
        void the_login_page_is_chinese() {
            assertThat(http().get("/login").body()).contains("工作人员登录", "用户名", "密码");
        }
    }

    @Nested
    class TemporaryPasswords {

        @Test
        void a_user_created_by_the_administrator_must_change_the_password_first() {
            String username = "t" + UUID.randomUUID().toString().substring(0, 8);
            users.create(new StaffUserService.NewUser(username, "新用户", "CITY-SAMR", EnumSet.of(Role.REVIEWER), "first-pass-123"), true);
            TestHttp http = http();
            http.login(username, "first-pass-123");
            TestHttp.Response console = http.get("/console");
            assertThat(console.status()).isEqualTo(302);
            assertThat(console.header("Location")).endsWith("/account/password?required");
            String csrf = http.csrfOf("/account/password");
            TestHttp.Response changed = http.form("/account/password", Map.of("_csrf", csrf, "currentPassword", "first-pass-123",
                    "newPassword", "second-pass-456", "confirmPassword", "second-pass-456"));
            assertThat(changed.header("Location")).endsWith("/login?changed");
            TestHttp again = http();
            assertThat(again.login(username, "second-pass-456")).endsWith("/console");
            assertThat(again.get("/console").status()).isEqualTo(200);
        }

        @Test
        void a_weak_new_password_is_refused_with_the_rule() {
            String username = newUser();
            TestHttp http = http();
            http.login(username, "secret-pass-123");
            String csrf = http.csrfOf("/account/password");
            TestHttp.Response page = http.form("/account/password", Map.of("_csrf", csrf, "currentPassword", "secret-pass-123",
                    "newPassword", "short1", "confirmPassword", "short1"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("密码至少 10 位");
        }
    }

    @Nested
    class OpenSessions {

        private TestHttp signedIn(String username) {
            TestHttp http = http();
            assertThat(http.login(username, "secret-pass-123")).endsWith("/console");
            assertThat(http.get("/console").status()).isEqualTo(200);
            return http;
        }

        private void assertSentToLogin(TestHttp http) {
            TestHttp.Response console = http.get("/console");
            assertThat(console.status()).isEqualTo(302);
            assertThat(console.header("Location")).endsWith("/login");
            assertThat(http.get("/api/v1/catalog/items").status()).isEqualTo(401);
        }

        @Test
        void end_when_the_user_is_disabled() {
            String username = newUser();
            TestHttp first = signedIn(username);
            TestHttp second = signedIn(username);
            users.update(username, "测试用户", "CITY-SAMR", EnumSet.of(Role.OPERATOR), false);
            assertSentToLogin(first);
            assertSentToLogin(second);
            assertThat(jdbc.sql("select details from audit.entry where action = 'USER_UPDATED' and object_id = ? order by seq desc limit 1")
                    .param(username).query(String.class).single()).contains("\"sessionsEnded\":2");
        }

        @Test
        void end_when_the_roles_or_the_department_change() {
            String username = newUser();
            TestHttp roles = signedIn(username);
            users.update(username, "测试用户", "CITY-SAMR", EnumSet.of(Role.OPERATOR, Role.REVIEWER), true);
            assertSentToLogin(roles);
            TestHttp department = signedIn(username);
            users.update(username, "测试用户", "CNTY-SAMR", EnumSet.of(Role.OPERATOR, Role.REVIEWER), true);
            assertSentToLogin(department);
            // signing in again gives the new rights
            assertThat(signedIn(username).get("/console").body()).contains("示例县市场监督管理局");
        }

        @Test
        void end_when_the_administrator_resets_the_password() {
            String username = newUser();
            TestHttp http = signedIn(username);
            users.resetPassword(username, "temporary-pass-789");
            assertSentToLogin(http);
        }

        @Test
        void stay_when_only_the_display_name_changes_and_other_users_keep_theirs() {
            String username = newUser();
            String other = newUser();
            TestHttp mine = signedIn(username);
            TestHttp theirs = signedIn(other);
            users.update(username, "改名用户", "CITY-SAMR", EnumSet.of(Role.OPERATOR), true);
            assertThat(mine.get("/console").status()).isEqualTo(200);
            users.update(username, "改名用户", "CITY-SAMR", EnumSet.of(Role.OPERATOR), false);
            assertThat(theirs.get("/console").status()).isEqualTo(200);
        }
    }
}
