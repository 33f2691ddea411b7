package gongxin.collection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

@Repository
class BatchRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BatchRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    void create(UUID id, String submittedBy, String departmentCode, String source, String filename, Long size,
                String idempotencyKey, Instant now, String node, String profile) {
        jdbc.sql("""
                insert into collection.batch (id, submitted_by, department_code, source, filename, size_bytes,
                                              idempotency_key, status, created_at, heartbeat_at, node, profile)
                values (:id, :by, :department, :source, :filename, :size, :key, 'PROCESSING', :now, :now, :node, :profile)""")
                .param("id", id).param("by", submittedBy).param("department", departmentCode).param("source", source)
                .param("filename", filename).param("size", size).param("key", idempotencyKey)
                .param("now", Timestamp.from(now)).param("node", node).param("profile", profile).update();
    }

    /** The nodes that have batches processing, other than {@code self}. */
    List<String> processingNodes(String self) {
        return jdbc.sql("select distinct node from collection.batch where status = 'PROCESSING' and node is not null and node <> ?")
                .param(self).query(String.class).list();
    }

    /** The processing batches of a node, or (node null) of an earlier release without a sign of life since {@code before}. */
    List<UUID> processing(String node, Instant before) {
        return node != null
                ? jdbc.sql("select id from collection.batch where status = 'PROCESSING' and node = ?").param(node).query(UUID.class).list()
                : jdbc.sql("select id from collection.batch where status = 'PROCESSING' and node is null and heartbeat_at < ?")
                .param(Timestamp.from(before)).query(UUID.class).list();
    }

    Optional<UUID> findByIdempotencyKey(String submittedBy, String key) {
        return jdbc.sql("select id from collection.batch where submitted_by = ? and idempotency_key = ?")
                .params(submittedBy, key).query(UUID.class).optional();
    }

    void progress(UUID id, int processed, String itemCode, String encoding, Instant now) {
        jdbc.sql("""
                update collection.batch set processed = :processed, heartbeat_at = :now,
                       item_code = coalesce(:item, item_code), encoding = coalesce(:encoding, encoding)
                 where id = :id and status = 'PROCESSING'""")
                .param("processed", processed).param("now", Timestamp.from(now)).param("item", itemCode)
                .param("encoding", encoding).param("id", id).update();
    }

    void complete(UUID id, Counts counts, String itemCode, String encoding, String sm3, Instant now) {
        jdbc.sql("""
                update collection.batch set status = 'COMPLETED', rows = :rows, accepted = :accepted, rejected = :rejected,
                       duplicates = :duplicates, unchanged = :unchanged, processed = :rows, item_code = :item,
                       encoding = :encoding, content_sm3 = :sm3, completed_at = :now, heartbeat_at = :now
                 where id = :id""")
                .param("rows", counts.rows).param("accepted", counts.accepted).param("rejected", counts.rejected)
                .param("duplicates", counts.duplicates).param("unchanged", counts.unchanged).param("item", itemCode)
                .param("encoding", encoding).param("sm3", sm3).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    void fail(UUID id, String failure, Instant now) {
        jdbc.sql("""
                update collection.batch set status = 'FAILED', failure = :failure, completed_at = :now, heartbeat_at = :now
                 where id = :id""")
                .param("failure", failure).param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Declares failed the batches whose processing stopped (a node died); returns how many. */

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[0-9]{17}[0-9Xx]|[0-9]{15}");

    /**
     * A refused value as it is kept: cut at 500 characters, and a value that looks like an ID number masked to its
     * first and last four characters. Refused rows are never stored as records, so their identifiers are not
     * encrypted for later use; the provider finds the row by its line in its own file.
     */
    static String storable(String value) {
        if (value == null) {
            return null;
        }
        String cut = value.length() > 500 ? value.substring(0, 500) + "…" : value;
        java.util.regex.Matcher m = IDENTIFIER.matcher(cut);
        if (!m.find()) {
            return cut;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, gongxin.shared.IdNumber.masked(m.group()));
        } while (m.find());
        return m.appendTail(out).toString();
    }

    /** Stores row errors with one COPY, numbering them from {@code firstSeq}. */
    void insertErrors(UUID batchId, int firstSeq, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(errors.size() * 128);
        int seq = firstSeq;
        for (RowError e : errors) {
            rows.append(batchId).append('\t').append(seq++).append('\t').append(e.line()).append('\t');
            text(rows, e.field()).append('\t');
            text(rows, storable(e.value())).append('\t');
            text(rows, e.rule()).append('\t');
            text(rows, e.message()).append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY collection.row_error (batch_id, seq, line, field, value, rule, message) FROM STDIN",
                    new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("COPY into collection.row_error failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    Optional<BatchView> find(UUID id) {
        return jdbc.sql("select * from collection.batch where id = ?").param(id).query(BatchRepository::map).optional();
    }

    List<RowError> errors(UUID id, int limit) {
        return jdbc.sql("select * from collection.row_error where batch_id = ? order by seq limit ?").params(id, limit)
                .query((rs, n) -> new RowError(rs.getInt("line"), rs.getString("field"), rs.getString("value"),
                        rs.getString("rule"), rs.getString("message"))).list();
    }

    void forEachError(UUID id, java.util.function.Consumer<RowError> consumer) {
        jdbc.sql("select * from collection.row_error where batch_id = ? order by seq").param(id)
                .query(rs -> {
                    consumer.accept(new RowError(rs.getInt("line"), rs.getString("field"), rs.getString("value"),
                            rs.getString("rule"), rs.getString("message")));
                });
    }

    List<BatchView> recent(List<String> departments, String submittedBy, int limit) {
        return jdbc.sql("""
                select * from collection.batch
                 where (cast(:all as boolean) or department_code = any(:departments) or submitted_by = :by)
                 order by created_at desc limit :limit""")
                .param("all", departments == null)
                .param("departments", departments == null ? new String[0] : departments.toArray(String[]::new))
                .param("by", submittedBy).param("limit", limit)
                .query(BatchRepository::map).list();
    }

    private static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static BatchView map(java.sql.ResultSet rs, int n) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new BatchView(rs.getObject("id", UUID.class), rs.getString("item_code"), rs.getString("department_code"),
                rs.getString("submitted_by"), rs.getString("source"), rs.getString("filename"),
                (Long) rs.getObject("size_bytes"), rs.getString("encoding"), rs.getString("status"), rs.getInt("rows"),
                rs.getInt("accepted"), rs.getInt("rejected"), rs.getInt("duplicates"), rs.getInt("unchanged"),
                rs.getInt("processed"), rs.getTimestamp("created_at").toInstant(),
                completed == null ? null : completed.toInstant(), rs.getString("failure"), rs.getString("profile"));
    }

    /** Counters of one batch. */
    static final class Counts {
        int rows;
        int accepted;
        int rejected;
        int duplicates;
        int unchanged;
    }

    /** A batch as stored. */
    record BatchView(UUID id, String itemCode, String departmentCode, String submittedBy, String source, String filename,
                     Long sizeBytes, String encoding, String status, int rows, int accepted, int rejected, int duplicates,
                     int unchanged, int processed, Instant createdAt, Instant completedAt, String failure, String profile) {
    }
}
