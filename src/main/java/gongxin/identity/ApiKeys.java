package gongxin.identity;

import java.security.SecureRandom;

import gongxin.shared.Sm3;

/** API keys: 32 random bytes, shown once, stored only as their SM3 hash. */
final class ApiKeys {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    static String generate() {
        StringBuilder key = new StringBuilder("gx_");
        for (int i = 0; i < 43; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    static String hash(String key) {
        return Sm3.hex(key);
    }

    static String hint(String key) {
        return key.substring(0, Math.min(7, key.length())) + "…";
    }
}
