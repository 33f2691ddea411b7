package gongxin.collection;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import gongxin.shared.Sm3;

/** Computes the SM3 hash of everything read through it: the fingerprint of a submitted file, for the audit log. */
final class Sm3InputStream extends FilterInputStream {

    private final Sm3 sm3 = Sm3.start();

    Sm3InputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sm3.update(new byte[] {(byte) b});
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            sm3.update(buffer, offset, n);
        }
        return n;
    }

    /** The hash of what was read, after reading everything that is left. */
    String finish() throws IOException {
        byte[] rest = new byte[8192];
        while (read(rest, 0, rest.length) >= 0) {
            // drain: the fingerprint covers the whole file
        }
        return sm3.hex();
    }
}
