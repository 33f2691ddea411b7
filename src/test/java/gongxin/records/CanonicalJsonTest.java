package gongxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The content hash of every stored record was taken over {@code json.getBytes(UTF_8)} of the earlier, String-building
 * writer: the bytes written directly must be the same, or every re-sent record would look like a correction.
 */
class CanonicalJsonTest {

    @Nested
    class SameBytesAsTheTextWriter {

        @Test
        void for_random_fields_of_every_kind_of_character() {
            Random random = new Random(20261130);
            CanonicalJson.Writer writer = new CanonicalJson.Writer();
            String[] alphabet = {"a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", "\u0001", "\u001f", "\u007f", "é", "示",
                    "〔", "（", "𠀀", "😀", "\ud800", "\udc00", "/", "<", "ß", "\u0800", "\uffff"};
            for (int n = 0; n < 5_000; n++) {
                Map<String, String> fields = random.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
                int size = random.nextInt(6);
                for (int f = 0; f < size; f++) {
                    fields.put("CF_" + random.nextInt(8), random.nextInt(10) == 0 ? null : text(random, alphabet));
                }
                byte[] expected = textWriter(fields).getBytes(StandardCharsets.UTF_8);
                assertThat(writer.utf8(fields)).as("%s", fields).isEqualTo(expected);
                assertThat(CanonicalJson.json(fields).getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }

        @Test
        void when_the_same_keys_come_in_another_order() {
            CanonicalJson.Writer writer = new CanonicalJson.Writer();
            Map<String, String> first = new LinkedHashMap<>();
            first.put("b", "1");
            first.put("a", "2");
            Map<String, String> second = new LinkedHashMap<>();
            second.put("a", "3");
            second.put("b", "4");
            assertThat(new String(writer.utf8(first), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"2\",\"b\":\"1\"}");
            assertThat(new String(writer.utf8(second), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"3\",\"b\":\"4\"}");
            second.put("c", null);
            assertThat(new String(writer.utf8(second), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"3\",\"b\":\"4\",\"c\":null}");
        }
    }

    private static String text(Random random, String[] alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    /** The writer every stored hash was taken with, before the fields were written straight as UTF-8. */
    private static String textWriter(Map<String, String> fields) {
        String[] keys = fields.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        StringBuilder json = new StringBuilder().append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, keys[i]);
            json.append(':');
            String value = fields.get(keys[i]);
            if (value == null) {
                json.append("null");
            } else {
                quote(json, value);
            }
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
