package gongxin.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform's secrets, kept in a key file given by configuration ({@code gongxin.keys.file}) and never in the
 * database, so that a copy of the database (a backup, a dump, a stolen disk) reveals no ID number and forges no
 * report:
 * <ul>
 *   <li>SM4 keys (GB/T 32907) that encrypt personal identifiers at rest, in GCM mode with a random nonce per value.
 *   A value names the key that encrypted it, so keys rotate: a new key becomes current, old ones still decrypt.</li>
 *   <li>An HMAC-SM3 secret that turns an identifier into a digest for exact look-ups (nobody without it can find the
 *   number behind a digest by trying every birth date).</li>
 *   <li>The SM2 key pair (GB/T 32918) that signs credit reports.</li>
 * </ul>
 * A missing file is created with fresh keys (readable by its owner only). GB/T 39786-2021 asks for exactly this split
 * of keys from data at level 3.
 */
@Component
public class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final String PREFIX = "sm4:";
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private final Path file;
    private final Map<String, byte[]> sm4Keys = new HashMap<>();
    private volatile String currentKey;
    private volatile byte[] lookupSecret;
    private volatile KeyPair reportKeys;

    KeyRing(GongxinProperties properties) {
        this.file = properties.keyFile().toAbsolutePath().normalize();
        load();
    }

    /** Encrypts a personal identifier for storage: {@code sm4:<key id>:<Base64 of nonce, ciphertext and tag>}. */
    public String protect(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] in = plaintext.getBytes(StandardCharsets.UTF_8);
        String keyId = currentKey;
        byte[] key = sm4Keys.get(keyId);
        Encryptor encryptor = encryptors.get();
        GCMModeCipher gcm;
        if (encryptor == null || encryptor.key() != key) {
            gcm = GCMBlockCipher.newInstance(new SM4Engine());
            gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce));
            encryptors.set(new Encryptor(key, gcm));
        } else {
            // the same key: only the nonce is new, and the cipher keeps the tables it derived from the key
            gcm = encryptor.gcm();
            gcm.init(true, new AEADParameters(null, 128, nonce));
        }
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(in.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(in, 0, in.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return PREFIX + keyId + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
    }

    /** The plaintext of a value {@link #protect} made; any other value is returned as it is. */
    public String reveal(String stored) {
        if (!isProtected(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("密钥文件中没有加密该值的 SM4 密钥（" + file + "）");
        }
        return new String(open(new Sealed(stored.substring(PREFIX.length(), colon),
                Base64.getDecoder().decode(stored.substring(colon + 1)))), StandardCharsets.UTF_8);
    }

    /** A file encrypted for storage with the SM4 key named: a random nonce, the ciphertext and its GCM tag. */
    public record Sealed(String keyId, byte[] data) {
    }

    /**
     * Encrypts a file for storage (e.g. a proof, often an ID card's scan; issue 25, finding 9) with the current SM4 key,
     * in GCM mode with a random nonce: a copy of the database shows nothing of it, and a changed byte is refused.
     */
    public Sealed seal(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String keyId = currentKey;
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(sm4Keys.get(keyId)), 128, nonce));
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return new Sealed(keyId, out);
    }

    /** The plaintext of a file {@link #seal} made. */
    public byte[] open(Sealed sealed) {
        byte[] key = sm4Keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("密钥文件中没有加密该值的 SM4 密钥 " + sealed.keyId() + "（" + file + "）");
        }
        byte[] data = sealed.data();
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), 128, java.util.Arrays.copyOf(data, NONCE_BYTES)));
        byte[] out = new byte[gcm.getOutputSize(data.length - NONCE_BYTES)];
        int n = gcm.processBytes(data, NONCE_BYTES, data.length - NONCE_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("加密值已被改动或密钥不符", e);
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    public static boolean isProtected(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** HMAC-SM3 of a (normalised) identifier under the look-up secret, as lower-case hex. */
    public String lookupDigest(String value) {
        byte[] secret = lookupSecret;
        Mac keyed = macs.get();
        if (keyed == null || keyed.secret() != secret) {
            HMac fresh = new HMac(new SM3Digest());
            fresh.init(new KeyParameter(secret));
            keyed = new Mac(secret, fresh);
            macs.set(keyed);
        }
        // doFinal leaves the MAC keyed and ready for the next value
        HMac mac = keyed.mac();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        mac.update(bytes, 0, bytes.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * Setting a key up costs more than using it on an identifier (GCM derives its tables from the key, HMAC hashes its
     * pads): one cipher and one MAC per thread, kept while the key is the same; a new key (rotation, adoption) makes
     * new ones.
     */
    private record Encryptor(byte[] key, GCMModeCipher gcm) {
    }

    private record Mac(byte[] secret, HMac mac) {
    }

    private final ThreadLocal<Encryptor> encryptors = new ThreadLocal<>();
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    /**
     * One signer per thread, set up once for the key: setting an SM2 signer up computes the public point from the private
     * key (a scalar multiplication) and the signer's Z value, which cost three times the signature itself (0.58 against
     * 0.14 ms on C1, docs/benchmarks.md); a JCA signature returns to its initialised state after {@code sign()}.
     */
    private record Signer(java.security.PrivateKey key, java.security.Signature signature) {
    }

    private final ThreadLocal<Signer> signers = new ThreadLocal<>();

    /** The SM2 key pair that signs reports and audit checkpoints. */
    public KeyPair reportKeys() {
        return reportKeys;
    }

    /** The id of the SM2 key that signs (receipts, exchange batches): {@code SM2-} and the start of its public key's SM3. */
    public String reportKeyId() {
        return "SM2-" + gongxin.shared.Sm3.hex(reportKeys.getPublic().getEncoded()).substring(0, 16);
    }

    /** SM2 signature (SM3withSM2, GB/T 32918) of {@code data} with the platform's key, Base64. */
    public String sign(byte[] data) {
        try {
            java.security.PrivateKey key = reportKeys.getPrivate();
            Signer signer = signers.get();
            if (signer == null || signer.key() != key) {
                java.security.Signature signature = java.security.Signature.getInstance("SM3withSM2", BC);
                signature.initSign(key);
                signer = new Signer(key, signature);
                signers.set(signer);
            }
            java.security.Signature signature = signer.signature();
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException | RuntimeException e) {
            signers.remove(); // a signer that failed half-way may hold part of the data: the next use sets up a new one
            throw new IllegalStateException("SM2 签名失败", e);
        }
    }

    /** A verifier of the platform's SM2 signatures, to be fed the signed bytes. */
    public java.security.Signature verifier() {
        try {
            java.security.Signature signature = java.security.Signature.getInstance("SM3withSM2", BC);
            signature.initVerify(reportKeys.getPublic());
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 验签初始化失败", e);
        }
    }

    /** Whether {@code signatureBase64} is the platform's signature of exactly {@code data}. */
    public boolean verify(byte[] data, String signatureBase64) {
        try {
            java.security.Signature signature = verifier();
            signature.update(data);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Takes over the report keys and look-up secret an earlier release kept in the database, so that reports it
     * signed still verify and digests it made still match; the caller then deletes them from the database.
     */
    public synchronized void adopt(byte[] sm2Private, byte[] sm2Public, byte[] lookup) {
        Properties p = read();
        p.setProperty("sm2.private", Base64.getEncoder().encodeToString(sm2Private));
        p.setProperty("sm2.public", Base64.getEncoder().encodeToString(sm2Public));
        p.setProperty("hmac-sm3", HexFormat.of().formatHex(lookup));
        write(p);
        load();
        log.info("Report keys and look-up secret moved from the database into the key file {}", file);
    }

    /** Makes a new SM4 key current; values encrypted before keep their key. Returns its id. */
    public synchronized String rotateEncryptionKey() {
        Properties p = read();
        int next = sm4Keys.keySet().stream().mapToInt(Integer::parseInt).max().orElse(0) + 1;
        p.setProperty("sm4." + next, HexFormat.of().formatHex(randomBytes(16)));
        p.setProperty("sm4.current", Integer.toString(next));
        write(p);
        load();
        return Integer.toString(next);
    }

    /**
     * An SM3 digest of each key, by its name in the file ({@code sm4.<id>}, {@code hmac-sm3}, {@code sm2.public}):
     * enough to tell whether a key file is the one the database was written with, nothing to recover a key from.
     */
    public synchronized Map<String, String> fingerprints() {
        Map<String, String> out = new java.util.TreeMap<>();
        sm4Keys.forEach((id, key) -> out.put("sm4." + id, gongxin.shared.Sm3.hex(key)));
        out.put("hmac-sm3", gongxin.shared.Sm3.hex(lookupSecret));
        out.put("sm2.public", gongxin.shared.Sm3.hex(reportKeys.getPublic().getEncoded()));
        return out;
    }

    /** The key file, for messages and the security documentation. */
    public Path file() {
        return file;
    }

    private synchronized void load() {
        Properties p = Files.exists(file) ? read() : new Properties();
        boolean changed = false;
        if (p.getProperty("sm4.current") == null) {
            p.setProperty("sm4.1", HexFormat.of().formatHex(randomBytes(16)));
            p.setProperty("sm4.current", "1");
            changed = true;
        }
        if (p.getProperty("hmac-sm3") == null) {
            p.setProperty("hmac-sm3", HexFormat.of().formatHex(randomBytes(32)));
            changed = true;
        }
        if (p.getProperty("sm2.private") == null) {
            KeyPair pair = newSm2Pair();
            p.setProperty("sm2.private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            p.setProperty("sm2.public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            changed = true;
        }
        if (changed) {
            write(p);
            log.warn("Created the key file {} with new keys: back it up apart from the database, give it to every node",
                    file);
        }
        sm4Keys.clear();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("sm4.") && !k.equals("sm4.current"))
                .forEach(k -> sm4Keys.put(k.substring(4), HexFormat.of().parseHex(p.getProperty(k))));
        currentKey = p.getProperty("sm4.current");
        if (!sm4Keys.containsKey(currentKey)) {
            throw new IllegalStateException("密钥文件 " + file + " 中 sm4.current 指向不存在的密钥");
        }
        lookupSecret = HexFormat.of().parseHex(p.getProperty("hmac-sm3"));
        try {
            KeyFactory factory = KeyFactory.getInstance("EC", BC);
            reportKeys = new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("sm2.public")))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("sm2.private")))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("密钥文件 " + file + " 中的 SM2 密钥无法读取", e);
        }
    }

    private Properties read() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取密钥文件 " + file, e);
        }
        return p;
    }

    private void write(Properties p) {
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent());
                try {
                    Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
            Path temp = Files.createTempFile(file.getParent(), ".gongxin-keys", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Gongxin platform keys: SM4 (identifiers at rest), HMAC-SM3 (look-ups), SM2 (reports). "
                        + "Keep apart from the database and its backups.");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入密钥文件 " + file, e);
        }
    }

    private static KeyPair newSm2Pair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法生成 SM2 密钥", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
