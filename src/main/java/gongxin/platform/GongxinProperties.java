package gongxin.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's own settings ({@code gongxin.*}).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data; ignored when {@code spring.datasource.url} is set
 * @param zone the platform's legal time zone: dates of decisions and deadlines are read in it
 * @param embeddedDb settings of the embedded PostgreSQL
 * @param keys where the platform's secrets are kept ({@link KeyRing})
 */
@ConfigurationProperties("gongxin")
public record GongxinProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue EmbeddedDb embeddedDb,
        @DefaultValue Keys keys) {

    /**
     * @param file the key file; by default {@code <data-dir>/keys/gongxin.keys}. Every node of a cluster is given the
     *             same file (a mounted secret); it never goes into the database or its backups.
     */
    public record Keys(Path file) {
    }

    /** The key file in use. */
    public Path keyFile() {
        return keys.file() != null ? keys.file() : dataDir.resolve("keys").resolve("gongxin.keys");
    }

    /**
     * @param port TCP port on 127.0.0.1; 0 picks a free one at each start
     * @param startupTimeout how long to wait for PostgreSQL, including crash recovery after a kill
     * @param database the database the platform creates and uses inside the embedded server
     * @param sharedBuffers PostgreSQL's page cache; with the default 128MB a bulk load of 1M records evicts its own
     *                      index pages and takes half again as long (docs/benchmarks.md). Memory is only taken as used.
     * @param durable fsync and full page writes on, so that a committed record survives a power cut. {@code false}
     *                only for data that may be lost (a benchmark's comparison run); never for credit records.
     */
    public record EmbeddedDb(
            @DefaultValue("0") int port,
            @DefaultValue("120s") Duration startupTimeout,
            @DefaultValue("gongxin") String database,
            @DefaultValue("512MB") String sharedBuffers,
            @DefaultValue("true") boolean durable) {
    }
}
