package gongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: SM4 at rest, HMAC-SM3 look-ups, the report key; outside the database, rotatable. */
class KeyRingTest {

    @TempDir
    Path dir;

    private KeyRing ring() {
        return new KeyRing(new GongxinProperties(dir, ZoneId.of("Asia/Shanghai"),
                new GongxinProperties.EmbeddedDb(0, Duration.ofSeconds(60), "gongxin", "128MB", true),
                new GongxinProperties.Keys(dir.resolve("keys/gongxin.keys"))));
    }

    @Nested
    class Encryption {

        @Test
        void a_value_comes_back_and_is_never_stored_the_same_way_twice() {
            KeyRing ring = ring();
            String a = ring.protect("11010519491231002X");
            String b = ring.protect("11010519491231002X");
            assertThat(a).startsWith("sm4:1:").doesNotContain("11010519491231002X").isNotEqualTo(b);
            assertThat(ring.reveal(a)).isEqualTo("11010519491231002X");
            assertThat(ring.reveal("not encrypted")).isEqualTo("not encrypted");
        }

        @Test
        void a_changed_cipher_text_is_refused_not_misread() {
            KeyRing ring = ring();
            String stored = ring.protect("440524188001010014");
            char last = stored.charAt(stored.length() - 2);
            String tampered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A') + stored.charAt(stored.length() - 1);
            assertThatThrownBy(() -> ring.reveal(tampered)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void after_a_rotation_new_values_use_the_new_key_and_old_ones_still_open() {
            KeyRing ring = ring();
            String old = ring.protect("11010519491231002X");
            assertThat(ring.rotateEncryptionKey()).isEqualTo("2");
            assertThat(ring.protect("11010519491231002X")).startsWith("sm4:2:");
            assertThat(ring().reveal(old)).as("read again from the file").isEqualTo("11010519491231002X");
        }
    }

    @Nested
    class TheFile {

        @Test
        void is_created_once_readable_by_its_owner_only_and_read_again_with_the_same_keys() throws Exception {
            KeyRing first = ring();
            Path file = dir.resolve("keys/gongxin.keys");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            KeyRing second = ring();
            assertThat(second.lookupDigest("11010519491231002X")).isEqualTo(first.lookupDigest("11010519491231002X"));
            assertThat(second.reportKeys().getPublic()).isEqualTo(first.reportKeys().getPublic());
            assertThat(second.reveal(first.protect("x"))).isEqualTo("x");
        }

        @Test
        void adopts_the_keys_an_earlier_release_kept_in_the_database() {
            KeyRing other = new KeyRing(new GongxinProperties(dir.resolve("other"), ZoneId.of("Asia/Shanghai"),
                    new GongxinProperties.EmbeddedDb(0, Duration.ofSeconds(60), "gongxin", "128MB", true), new GongxinProperties.Keys(null)));
            KeyRing ring = ring();
            byte[] secret = new byte[32];
            secret[0] = 7;
            ring.adopt(other.reportKeys().getPrivate().getEncoded(), other.reportKeys().getPublic().getEncoded(), secret);
            assertThat(ring().reportKeys().getPublic()).isEqualTo(other.reportKeys().getPublic());
            assertThat(ring().lookupDigest("a")).isNotEqualTo(other.lookupDigest("a")).isEqualTo(ring.lookupDigest("a"));
        }
    }
}
