package gongxin.exchange;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the province and the upstream sources are ({@code gongxin.exchange.*}; docs/api.md, "Exchange with the
 * provincial platform"). Without a province URL nothing is queued or pushed. The sender runs every
 * {@code gongxin.exchange.delivery-delay} (1 s) and pulls follow {@code gongxin.exchange.pull-cron} (every 10 minutes);
 * both are read by the schedules themselves.
 *
 * @param worker whether this node pushes and pulls in the background; tests push and pull by hand
 * @param queueAsync whether entries are queued on a thread of their own after the change commits (so that a large
 *                   ingest does not wait for them); tests queue on the committing thread
 */
@ConfigurationProperties("gongxin.exchange")
public record ExchangeProperties(@DefaultValue Province province, Map<String, Upstream> upstream,
                                 @DefaultValue("true") boolean worker, @DefaultValue("true") boolean queueAsync) {

    public ExchangeProperties {
        upstream = upstream == null ? Map.of() : Map.copyOf(upstream);
    }

    /**
     * @param url the province's base URL; batches go to {@code {url}/batches}
     * @param city this city's code as the province knows it
     * @param batchSize items per batch
     * @param timeout how long a batch may take before it counts as failed (and is sent again)
     */
    public record Province(URI url, @DefaultValue("DEMO-CITY") String city, @DefaultValue("500") int batchSize,
                           @DefaultValue("PT30S") Duration timeout) {
    }

    /**
     * @param url the source's base URL; pages come from {@code {url}/entries?since=&limit=}
     * @param listType the Gongxin upstream list type its entries go on
     * @param name what staff call it
     */
    public record Upstream(URI url, String listType, String name, @DefaultValue("500") int pageSize) {
    }

    public boolean pushing() {
        return province.url() != null;
    }
}
