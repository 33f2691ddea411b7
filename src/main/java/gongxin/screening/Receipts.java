package gongxin.screening;

import java.util.LinkedHashMap;
import java.util.Map;

import gongxin.platform.KeyRing;
import gongxin.shared.Sm3;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receipts of check answers: the SM3 digest of the answer's canonical JSON (keys sorted, no receipt) and the
 * platform's SM2 signature of the same bytes, so that anyone holding an answer can prove it is exactly what the
 * platform said, and any change to a hit, a measure or the receipt shows. The answer carries its question (the
 * identifier asked, the caller, the purpose, {@code issuedAt}), so the signature binds it too.
 */
@Component
class Receipts {

    static final String RECEIPT = "receipt";

    private final KeyRing keys;
    private final JsonMapper canonical = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private final JsonMapper plain = JsonMapper.builder().build();
    /**
     * Answers to verify are read refusing duplicate keys: with two values for one key, what a reader sees depends on
     * its parser, so one set of signed bytes could be shown as two different answers (issue 25, finding 5).
     */
    private final JsonMapper strict = JsonMapper.builder().enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final String keyId;

    Receipts(KeyRing keys) {
        this.keys = keys;
        this.keyId = "SM2-" + Sm3.hex(keys.reportKeys().getPublic().getEncoded()).substring(0, 16);
    }

    /** The receipt of an answer (a map of JSON values only, without a receipt). */
    Map<String, Object> receipt(String id, String issuedAt, Map<String, Object> answer) {
        byte[] bytes = canonical(answer);
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("id", id);
        receipt.put("issuedAt", issuedAt);
        receipt.put("sm3", Sm3.hex(bytes));
        receipt.put("signature", keys.sign(bytes));
        receipt.put("keyId", keyId);
        return receipt;
    }

    /** The answer as sent: its fields in the order built, the receipt last. */
    byte[] json(Map<String, Object> answerWithReceipt) {
        return plain.writeValueAsBytes(answerWithReceipt);
    }

    /** What a verification found. */
    record Verified(boolean valid, String reason, String id, String sm3) {
    }

    /**
     * Checks an answer as received against its receipt: the digest of its content, the signature, and (by the caller)
     * the answer stored under the receipt's id.
     */
    @SuppressWarnings("unchecked")
    Verified verify(byte[] received) {
        Map<String, Object> answer;
        try {
            answer = strict.readValue(received, LinkedHashMap.class);
        } catch (tools.jackson.core.exc.StreamReadException e) {
            return new Verified(false, e.getMessage() != null && e.getMessage().contains("Duplicate")
                    ? "内容含有重复的键，不予核验" : "内容不是有效的 JSON", null, null);
        } catch (RuntimeException e) {
            return new Verified(false, "内容不是有效的 JSON", null, null);
        }
        if (answer == null) {
            return new Verified(false, "内容不是一份核查答复（JSON 对象）", null, null);
        }
        if (!(answer.remove(RECEIPT) instanceof Map<?, ?> receipt)) {
            return new Verified(false, "缺少回执（receipt）", null, null);
        }
        Object id = receipt.get("id");
        Object sm3 = receipt.get("sm3");
        Object signature = receipt.get("signature");
        if (!(sm3 instanceof String claimed) || !(signature instanceof String signed) || !(id instanceof String checkId)) {
            return new Verified(false, "回执不完整", null, null);
        }
        // the receipt's own id and time are not in the signed bytes: they must be the answer's, which are
        if (answer.containsKey("id") && !checkId.equals(answer.get("id"))
                || answer.containsKey("issuedAt") && !answer.get("issuedAt").equals(receipt.get("issuedAt"))) {
            return new Verified(false, "回执的编号或出具时间与答复不符", checkId, null);
        }
        byte[] bytes = canonical(answer);
        String actual = Sm3.hex(bytes);
        if (!actual.equals(claimed)) {
            return new Verified(false, "答复内容与回执的 SM3 摘要不符，内容被改动过", checkId, actual);
        }
        if (!keys.verify(bytes, signed)) {
            return new Verified(false, "回执签名无效", checkId, actual);
        }
        return new Verified(true, null, checkId, actual);
    }

    /**
     * Keys sorted at every level. Answers are built from JSON values only (strings, numbers, booleans, null, lists and
     * maps), so a map built in code and the same answer parsed from what a client received give the same bytes.
     */
    private byte[] canonical(Map<String, Object> answer) {
        return canonical.writeValueAsBytes(answer);
    }
}
