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
        void many_values_encrypted_on_one_thread_each_come_back() {
            KeyRing ring = ring();
            java.util.Set<String> stored = new java.util.HashSet<>();
            for (int i = 0; i < 200; i++) {
                String value = "1101051949123" + (10000 + i);
                String protectedValue = ring.protect(value);
                assertThat(stored.add(protectedValue)).isTrue();
                assertThat(ring.reveal(protectedValue)).isEqualTo(value);
            }
        }

        @Test
        void a_look_up_digest_is_the_hmac_sm3_of_the_file_secret_every_time() throws Exception {
            KeyRing ring = ring();
            java.util.Properties file = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(dir.resolve("keys/gongxin.keys"))) {
                file.load(in);
            }
            for (String value : new String[] {"11010519491231002X", "440524188001010014", "11010519491231002X"}) {
                org.bouncycastle.crypto.macs.HMac mac = new org.bouncycastle.crypto.macs.HMac(new org.bouncycastle.crypto.digests.SM3Digest());
                mac.init(new org.bouncycastle.crypto.params.KeyParameter(java.util.HexFormat.of().parseHex(file.getProperty("hmac-sm3"))));
                byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                mac.update(bytes, 0, bytes.length);
                byte[] out = new byte[mac.getMacSize()];
                mac.doFinal(out, 0);
                assertThat(ring.lookupDigest(value)).isEqualTo(java.util.HexFormat.of().formatHex(out));
            }
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
            String fresh = ring.protect("11010519491231002X");
            assertThat(fresh).startsWith("sm4:2:");
            assertThat(ring.reveal(fresh)).isEqualTo("11010519491231002X");
            assertThat(ring().reveal(old)).as("read again from the file").isEqualTo("11010519491231002X");
        }
    }

    @Nested
    class Signatures {

        @Test
        void a_thread_signs_many_times_with_one_signer_and_every_signature_verifies() throws Exception {
            KeyRing ring = ring();
            java.util.Set<String> signatures = new java.util.HashSet<>();
            for (int i = 0; i < 50; i++) {
                byte[] data = ("回执 " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String signature = ring.sign(data);
                assertThat(ring.verify(data, signature)).as("signature %d", i).isTrue();
                assertThat(ring.verify(("回执 " + (i + 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8), signature)).isFalse();
                signatures.add(signature);
            }
            assertThat(signatures).as("a fresh random k every time").hasSize(50);
            String[] other = new String[1];
            Thread thread = new Thread(() -> other[0] = ring.sign(new byte[] {1, 2, 3}));
            thread.start();
            thread.join();
            assertThat(ring.verify(new byte[] {1, 2, 3}, other[0])).isTrue();
        }

        @Test
        void a_thread_signs_with_the_new_key_once_the_key_changes() {
            KeyRing ring = ring();
            KeyRing other = new KeyRing(new GongxinProperties(dir.resolve("other"), ZoneId.of("Asia/Shanghai"),
                    new GongxinProperties.EmbeddedDb(0, Duration.ofSeconds(60), "gongxin", "128MB", true), new GongxinProperties.Keys(null)));
            byte[] data = {4, 5, 6};
            String before = ring.sign(data);
            ring.adopt(other.reportKeys().getPrivate().getEncoded(), other.reportKeys().getPublic().getEncoded(), new byte[32]);
            String after = ring.sign(data);
            assertThat(other.verify(data, after)).as("signed with the adopted key").isTrue();
            assertThat(other.verify(data, before)).isFalse();
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
