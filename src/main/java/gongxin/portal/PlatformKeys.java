package gongxin.portal;

import java.io.IOException;
import java.io.InputStream;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;

import gongxin.shared.Sm3;
import gongxin.platform.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs credit reports with the platform's SM2 key (GB/T 32918) and turns ID numbers into digests, with the keys of
 * the {@link KeyRing} (a key file, never the database). An earlier release kept these keys in
 * {@code portal.platform_key}: at start-up they are moved into the key file and deleted from the database, so that
 * reports it signed still verify and digests it made still match.
 */
@Component
class PlatformKeys implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PlatformKeys.class);
    private final JdbcClient jdbc;
    private final KeyRing keyRing;

    PlatformKeys(JdbcClient jdbc, KeyRing keyRing) {
        this.jdbc = jdbc;
        this.keyRing = keyRing;
    }

    /** Moves keys an earlier release kept in the database into the key file (adopting twice after a crash is harmless). */
    @Override
    public void afterPropertiesSet() {
        jdbc.sql("select private_key, public_key, digest_secret from portal.platform_key where id = 1")
                .query((rs, n) -> {
                    keyRing.adopt(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3));
                    return true;
                }).optional().ifPresent(moved -> {
                    jdbc.sql("delete from portal.platform_key").update();
                    log.warn("The report signing key and the look-up secret are no longer in the database: back up {}",
                            keyRing.file());
                });
    }

    private KeyPair keys() {
        return keyRing.reportKeys();
    }

    /** SM2 signature (SM3withSM2) of {@code data}, Base64. */
    String sign(byte[] data) {
        return keyRing.sign(data);
    }

    /** What a file read once yields: its SM3 hash, and whether the signature covers exactly its bytes. */
    record FileCheck(String sm3, boolean signatureValid) {
    }

    /**
     * Hashes and checks a file as it streams by, holding 64 KB of it at a time: what anyone may upload for
     * verification costs the platform no more memory than that.
     */
    FileCheck check(InputStream data, String signatureBase64) throws IOException {
        Sm3 sm3 = Sm3.start();
        Signature signature = keyRing.verifier();
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("平台签名无法读取", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
                sm3.update(buffer, 0, n);
                signature.update(buffer, 0, n);
            }
            return new FileCheck(sm3.hex(), signature.verify(expected));
        } catch (java.security.SignatureException e) {
            return new FileCheck(sm3.hex(), false);
        }
    }

    /** The public key in PEM, for anyone who wants to check a signature themselves. */
    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** HMAC-SM3 of a value under the platform's look-up secret, hex. */
    String digest(String value) {
        return keyRing.lookupDigest(value);
    }
}
