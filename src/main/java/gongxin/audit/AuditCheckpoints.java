package gongxin.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongxin.platform.GongxinProperties;
import gongxin.platform.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the audit chain outside the database. Every few minutes each lane's head that moved (lane, position and
 * hash) is appended to a file ({@code gongxin.audit.checkpoint-file}), signed with the platform's SM2 key and flushed to disk.
 * Whoever can rewrite the database (an owner, a restored backup) can delete the log's tail and set the head back so
 * that the chain is whole again; it then no longer contains what a checkpoint says it contained, and verification
 * says so. A checkpoint file whose lines do not carry the platform's signature is reported too.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    /**
     * One anchor: a lane's head as it was when written, and whether its signature is the platform's. Lines written
     * before the log had lanes carry no lane: they are lane 1's.
     */
    record Checkpoint(int lane, long seq, String hash, Instant writtenAt, boolean signed) {
    }

    /** Per lane, the position written last; read from the file once. */
    private java.util.Map<Integer, Long> written;

    private final JdbcClient jdbc;
    private final KeyRing keys;
    private final Clock clock;
    private final Path file;

    AuditCheckpoints(JdbcClient jdbc, KeyRing keys, Clock clock, GongxinProperties properties,
                     @Value("${gongxin.audit.checkpoint-file:}") String file) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.file = (file == null || file.isBlank() ? properties.dataDir().resolve("audit").resolve("checkpoints.log")
                : Path.of(file)).toAbsolutePath().normalize();
    }

    @Scheduled(cron = "${gongxin.audit.checkpoint-cron:0 */5 * * * *}", zone = "${gongxin.zone:Asia/Shanghai}")
    void scheduled() {
        write();
    }

    /** Appends the heads that moved since they were written last; returns what was written. */
    synchronized List<Checkpoint> write() {
        if (written == null) {
            written = new java.util.HashMap<>();
            read().stream().filter(Checkpoint::signed).forEach(c -> written.put(c.lane(), c.seq()));
        }
        Instant at = clock.instant();
        List<Checkpoint> moved = jdbc.sql("select id, seq, hash from audit.chain_head where seq > 0 order by id")
                .query((rs, n) -> new Checkpoint(rs.getInt(1), rs.getLong(2), rs.getString(3), at, true)).list()
                .stream().filter(c -> written.getOrDefault(c.lane(), -1L) != c.seq()).toList();
        if (moved.isEmpty()) {
            return List.of();
        }
        StringBuilder lines = new StringBuilder();
        for (Checkpoint c : moved) {
            lines.append(c.lane()).append('\t').append(c.seq()).append('\t').append(c.hash()).append('\t').append(at)
                    .append('\t').append(sign(text(c.lane(), c.seq(), c.hash(), at))).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            log.error("Could not write the audit checkpoint to {}", file, e);
            return List.of();
        }
        moved.forEach(c -> written.put(c.lane(), c.seq()));
        return moved;
    }

    /** Every checkpoint written so far, oldest first. */
    List<Checkpoint> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Checkpoint> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                try {
                    if (f.length == 4) {
                        long seq = Long.parseLong(f[0]);
                        Instant at = Instant.parse(f[2]);
                        out.add(new Checkpoint(1, seq, f[1], at, verify(text(seq, f[1], at), f[3])));
                    } else if (f.length == 5) {
                        int lane = Integer.parseInt(f[0]);
                        long seq = Long.parseLong(f[1]);
                        Instant at = Instant.parse(f[3]);
                        out.add(new Checkpoint(lane, seq, f[2], at, verify(text(lane, seq, f[2], at), f[4])));
                    } else {
                        out.add(new Checkpoint(0, -1, "", Instant.EPOCH, false));
                    }
                } catch (RuntimeException e) {
                    out.add(new Checkpoint(0, -1, "", Instant.EPOCH, false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取审计锚点文件 " + file, e);
        }
        return out;
    }

    Path file() {
        return file;
    }

    /** What a line written before the log had lanes signs. */
    private static String text(long seq, String hash, Instant at) {
        return "gongxin-audit-checkpoint|" + seq + "|" + hash + "|" + at;
    }

    private static String text(int lane, long seq, String hash, Instant at) {
        return "gongxin-audit-checkpoint|lane " + lane + "|" + seq + "|" + hash + "|" + at;
    }

    private String sign(String text) {
        return keys.sign(text.getBytes(StandardCharsets.UTF_8));
    }

    private boolean verify(String text, String signatureBase64) {
        return keys.verify(text.getBytes(StandardCharsets.UTF_8), signatureBase64);
    }
}
