package gongxin.collection;

import java.util.List;

/** A 64-bit hash of a row's cells, to spot a row repeated verbatim within one submission. */
final class RowHash {

    private RowHash() {
    }

    static long of(List<String> cells) {
        long h = 0x2545F4914F6CDD1DL;
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                h = (h ^ cell.charAt(i)) * 0x100000001B3L;
                h = Long.rotateLeft(h, 27) * 0x9E3779B97F4A7C15L;
            }
            h = (h ^ 0x1F) * 0xC2B2AE3D27D4EB4FL;
        }
        // final avalanche (MurmurHash3 fmix64)
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
