package gongxin.exchange;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import gongxin.platform.KeyRing;

/** A POST of a JSON body signed SM3withSM2 with the platform's key, as the exchange's wire has it (docs/api.md). */
final class SignedPost {

    private SignedPost() {
    }

    static HttpRequest of(KeyRing keys, URI uri, byte[] body, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Gongxin-Signature", keys.sign(body))
                .header("X-Gongxin-Key-Id", keys.reportKeyId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
