package gongxin.records;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import gongxin.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;

/** What CopyBinary writes is what PostgreSQL reads back, for every type records.record uses, nulls included. */
class CopyBinaryTest {

    @Test
    void everyTypeRoundTripsThroughPostgresql() throws Exception {
        UUID uuid = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        Instant instant = Instant.parse("2026-11-25T13:14:15.123456Z");
        CopyBinary rows = new CopyBinary();
        rows.row(9).text("示例市嘉禾科技有限公司\t\\").int4(-7).bool(true).date(LocalDate.of(1999, 12, 31))
                .timestamptz(instant).uuid(uuid).bytea(new byte[] {0, (byte) 0xff, 7})
                .json("{\"CF_NR\":\"罚款\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).date(LocalDate.of(2026, 2, 28));
        rows.row(9).text(null).int4(null).bool(null).date(null).timestamptz(null).uuid(null).bytea(null).json(null).date(null);

        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create temporary table copy_probe (t text, i int, b boolean, d date, ts timestamptz, u uuid, "
                    + "by bytea, j json, d2 date)");
            long copied = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY copy_probe FROM STDIN (FORMAT binary)", new ByteArrayInputStream(rows.bytes()));
            assertThat(copied).isEqualTo(2);

            try (ResultSet r = s.executeQuery("select *, j->>'CF_NR' as nr from copy_probe order by t nulls last")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString("t")).isEqualTo("示例市嘉禾科技有限公司\t\\");
                assertThat(r.getInt("i")).isEqualTo(-7);
                assertThat(r.getBoolean("b")).isTrue();
                assertThat(r.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(r.getObject("ts", OffsetDateTime.class).toInstant()).isEqualTo(instant);
                assertThat(r.getObject("u", UUID.class)).isEqualTo(uuid);
                assertThat(r.getBytes("by")).containsExactly(0, 0xff, 7);
                assertThat(r.getString("nr")).isEqualTo("罚款");
                assertThat(r.getObject("d2", LocalDate.class)).isEqualTo(LocalDate.of(2026, 2, 28));

                assertThat(r.next()).isTrue();
                for (String column : new String[] {"t", "i", "b", "d", "ts", "u", "by", "j", "d2"}) {
                    assertThat(r.getObject(column)).as(column).isNull();
                }
                assertThat(r.next()).isFalse();
            }
        }
    }
}
