package gongxin.portal;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import gongxin.shared.Sm3;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's SM2 key pair (GB/T 32918) that signs credit reports, and the secret that turns ID numbers into
 * digests nobody can reverse by trying every birth date. Made once, on first use, and shared by every node through
 * the database.
 */
@Component
class PlatformKeys {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(PrivateKey privateKey, PublicKey publicKey, byte[] secret) {
    }

    PlatformKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Loaded keys() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = loadOrCreate();
                }
                current = loaded;
            }
        }
        return current;
    }

    private Loaded loadOrCreate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            // the first node to get here wins; the others read its keys
            jdbc.sql("""
                    insert into portal.platform_key (id, private_key, public_key, digest_secret, created_at)
                    values (1, :priv, :pub, :secret, :now) on conflict (id) do nothing""")
                    .param("priv", pair.getPrivate().getEncoded()).param("pub", pair.getPublic().getEncoded())
                    .param("secret", secret).param("now", Timestamp.from(clock.instant())).update();
            return jdbc.sql("select private_key, public_key, digest_secret from portal.platform_key where id = 1")
                    .query((rs, n) -> {
                        try {
                            KeyFactory factory = KeyFactory.getInstance("EC", BC);
                            return new Loaded(factory.generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes(1))),
                                    factory.generatePublic(new X509EncodedKeySpec(rs.getBytes(2))), rs.getBytes(3));
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException("平台签名密钥无法读取", e);
                        }
                    }).single();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法生成 SM2 密钥", e);
        }
    }

    /** SM2 signature (SM3withSM2) of {@code data}, Base64. */
    String sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SM3withSM2", BC);
            signature.initSign(keys().privateKey());
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 签名失败", e);
        }
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
        Signature signature;
        byte[] expected;
        try {
            signature = Signature.getInstance("SM3withSM2", BC);
            signature.initVerify(keys().publicKey());
            expected = Base64.getDecoder().decode(signatureBase64);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
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
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys().publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** HMAC-SM3 of a value under the platform's secret, hex. */
    String digest(String value) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(keys().secret()));
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mac.update(bytes, 0, bytes.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
