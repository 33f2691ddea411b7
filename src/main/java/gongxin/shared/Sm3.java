package gongxin.shared;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905-2016), the national cryptographic hash, as lower-case hex. */
public final class Sm3 {

    private final SM3Digest digest = new SM3Digest();

    /** Starts an incremental hash; feed it with {@link #update} and finish with {@link #hex()}. */
    public static Sm3 start() {
        return new Sm3();
    }

    public static String hex(byte[] data) {
        return start().update(data).hex();
    }

    public static String hex(String utf8) {
        return hex(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public Sm3 update(byte[] data) {
        digest.update(data, 0, data.length);
        return this;
    }

    public Sm3 update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
        return this;
    }

    public String hex() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
