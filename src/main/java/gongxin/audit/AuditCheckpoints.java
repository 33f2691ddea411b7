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
 * Anchors the audit chain outside the database. Every few minutes the chain head (sequence number and hash) is
 * appended to a file ({@code gongxin.audit.checkpoint-file}), signed with the platform's SM2 key and flushed to disk.
 * Whoever can rewrite the database (an owner, a restored backup) can delete the log's tail and set the head back so
 * that the chain is whole again; it then no longer contains what a checkpoint says it contained, and verification
 * says so. A checkpoint file whose lines do not carry the platform's signature is reported too.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    /** One anchor: the head as it was when written, and whether its signature is the platform's. */
    record Checkpoint(long seq, String hash, Instant writtenAt, boolean signed) {
    }

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

    /** Appends the current head unless it is the one written last; returns what was written. */
    synchronized Optional<Checkpoint> write() {
        long[] seq = new long[1];
        String hash = jdbc.sql("select seq, hash from audit.chain_head where id = 1").query((rs, n) -> {
            seq[0] = rs.getLong(1);
            return rs.getString(2);
        }).single();
        if (seq[0] == 0 || seq[0] == lastWrittenSeq()) {
            return Optional.empty();
        }
        Instant at = clock.instant();
        String line = seq[0] + "\t" + hash + "\t" + at + "\t" + sign(text(seq[0], hash, at)) + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            log.error("Could not write the audit checkpoint to {}", file, e);
            return Optional.empty();
        }
        return Optional.of(new Checkpoint(seq[0], hash, at, true));
    }

    /** The sequence number of the file's last line, read from its end (the file grows by a line every few minutes). */
    private long lastWrittenSeq() {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int tail = (int) Math.min(length, 4096);
            byte[] bytes = new byte[tail];
            in.seek(length - tail);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
            String last = text.substring(text.lastIndexOf('\n') + 1);
            return Long.parseLong(last.substring(0, last.indexOf('\t')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
                if (f.length != 4) {
                    out.add(new Checkpoint(-1, "", Instant.EPOCH, false));
                    continue;
                }
                try {
                    long seq = Long.parseLong(f[0]);
                    Instant at = Instant.parse(f[2]);
                    out.add(new Checkpoint(seq, f[1], at, verify(text(seq, f[1], at), f[3])));
                } catch (RuntimeException e) {
                    out.add(new Checkpoint(-1, "", Instant.EPOCH, false));
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

    private static String text(long seq, String hash, Instant at) {
        return "gongxin-audit-checkpoint|" + seq + "|" + hash + "|" + at;
    }

    private String sign(String text) {
        return keys.sign(text.getBytes(StandardCharsets.UTF_8));
    }

    private boolean verify(String text, String signatureBase64) {
        return keys.verify(text.getBytes(StandardCharsets.UTF_8), signatureBase64);
    }
}
