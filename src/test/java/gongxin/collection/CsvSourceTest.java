package gongxin.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** CSV files as providers really send them. */
class CsvSourceTest {

    static final Charset GB18030 = Charset.forName("GB18030");

    static final class Collected implements RowSink {
        List<String> header;
        final List<SourceRow> rows = new ArrayList<>();

        @Override
        public void header(List<String> headers) {
            header = headers;
        }

        @Override
        public void row(SourceRow row) {
            rows.add(row);
        }
    }

    static Collected read(byte[] bytes) throws IOException {
        Collected sink = new Collected();
        new CsvSource(new ByteArrayInputStream(bytes), 1_000_000).read(sink);
        return sink;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Nested
    class Encodings {

        @Test
        void gb18030_is_detected() throws IOException {
            Collected c = read("名称,类别\r\n示例市嘉禾科技有限公司,法人及非法人组织\r\n".getBytes(GB18030));
            assertThat(c.header).containsExactly("名称", "类别");
            assertThat(c.rows.get(0).cells()).containsExactly("示例市嘉禾科技有限公司", "法人及非法人组织");
        }

        @Test
        void utf8_with_a_byte_order_mark() throws IOException {
            Collected c = read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "名称\n示例\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(c.header).containsExactly("名称");
            assertThat(c.rows.get(0).cells()).containsExactly("示例");
        }

        @Test
        void an_ascii_header_over_gb18030_rows() throws IOException {
            Collected c = read(concat("CF_XDR_MC\n".getBytes(StandardCharsets.US_ASCII), "示例公司\n".getBytes(GB18030)));
            assertThat(c.rows.get(0).cells()).containsExactly("示例公司");
        }

        @Test
        void a_utf8_line_in_a_gb18030_file_is_its_own_error() throws IOException {
            byte[] file = concat("名称\n".getBytes(GB18030), "甲公司\n".getBytes(GB18030), "乙公司\n".getBytes(StandardCharsets.UTF_8),
                    "丙公司\n".getBytes(GB18030));
            Collected c = read(file);
            assertThat(c.rows).hasSize(3);
            assertThat(c.rows.get(0).cells()).containsExactly("甲公司");
            assertThat(c.rows.get(1).readable()).isFalse();
            assertThat(c.rows.get(1).line()).isEqualTo(3);
            assertThat(c.rows.get(1).problemRule()).isEqualTo("encoding");
            assertThat(c.rows.get(1).problem()).contains("UTF-8");
            assertThat(c.rows.get(2).cells()).containsExactly("丙公司");
        }

        @Test
        void undecodable_bytes_in_a_utf8_file() throws IOException {
            byte[] file = concat("名称\n".getBytes(StandardCharsets.UTF_8), "甲\n".getBytes(StandardCharsets.UTF_8),
                    "乙\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFE, 'x', '\n'});
            Collected c = read(file);
            assertThat(c.rows.get(2).problemRule()).isEqualTo("encoding");
        }

        @Test
        void utf16_is_refused_with_advice() {
            assertThatThrownBy(() -> read(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "名称".getBytes(StandardCharsets.UTF_16LE))))
                    .isInstanceOf(FileRefusedException.class).hasMessageContaining("UTF-16");
        }
    }

    @Nested
    class Quoting {

        @Test
        void quoted_fields_with_separators_quotes_and_line_breaks() throws IOException {
            Collected c = read("a,b,c\n\"x,1\",\"he said \"\"hi\"\"\",\"two\nlines\"\nn,m,o\n".getBytes(StandardCharsets.UTF_8));
            assertThat(c.rows.get(0).cells()).containsExactly("x,1", "he said \"hi\"", "two\nlines");
            assertThat(c.rows.get(0).line()).isEqualTo(2);
            assertThat(c.rows.get(1).line()).isEqualTo(4);
        }

        @Test
        void an_unterminated_quote_is_an_error_of_its_line_and_reading_resumes() throws IOException {
            StringBuilder file = new StringBuilder("a,b\n1,\"broken\n");
            for (int i = 0; i < 60; i++) {
                file.append("r").append(i).append(",ok\n");
            }
            Collected c = read(file.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(c.rows.get(0).problemRule()).isEqualTo("unterminated-quote");
            assertThat(c.rows.get(0).line()).isEqualTo(2);
            assertThat(c.rows).hasSize(61);
            assertThat(c.rows.get(1).cells()).containsExactly("r0", "ok");
            assertThat(c.rows.get(1).line()).isEqualTo(3);
        }

        @Test
        void a_field_over_many_lines_is_parsed_in_one_pass() throws IOException {
            String chunk = "字".repeat(10_000);
            StringBuilder file = new StringBuilder("a,b\n1,\"");
            for (int i = 0; i < CsvSource.MAX_CONTINUATION_LINES; i++) {
                file.append(chunk).append('\n');
            }
            file.append("end\"\n2,x\n");
            CsvSource source = new CsvSource(new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), 1000);
            Collected c = new Collected();
            source.read(c);
            assertThat(c.rows).hasSize(2);
            assertThat(c.rows.get(0).cells().get(1)).hasSize(CsvSource.MAX_CONTINUATION_LINES * 10_001 + 3);
            // the data lines hold about 500,000 characters; parsing the field again with each added line looked at
            // 12.5 million
            assertThat(source.charactersParsed()).isLessThanOrEqualTo(file.length());
        }

        @Test
        void many_quotes_inside_a_long_unquoted_field_are_read_in_one_pass() throws IOException {
            String field = "x\"".repeat(200_000);
            CsvSource source = new CsvSource(new ByteArrayInputStream(("a,b\n" + field + ",y\n").getBytes(StandardCharsets.UTF_8)), 1000);
            Collected c = new Collected();
            source.read(c);
            assertThat(c.rows.get(0).cells()).containsExactly(field, "y");
            assertThat(source.charactersParsed()).isEqualTo(field.length() + 2);
        }

        @Test
        void a_doubled_quote_split_across_lines_is_still_one_quote() {
            CsvSource.Fields fields = new CsvSource.Fields(',').feed("\"a\"").feed("\"b\",c");
            assertThat(fields.open()).isFalse();
            assertThat(fields.end()).containsExactly("a\"b", "c");
        }

        @Test
        void a_quote_inside_an_unquoted_field_is_kept() throws IOException {
            assertThat(read("a\nab\"c\n".getBytes(StandardCharsets.UTF_8)).rows.get(0).cells()).containsExactly("ab\"c");
        }
    }

    @Nested
    class Shape {

        @Test
        void ragged_rows_are_errors_but_trailing_empty_cells_are_tolerated() throws IOException {
            Collected c = read("a,b,c\n1,2\n1,2,3,4\n1,2,3,,\n".getBytes(StandardCharsets.UTF_8));
            assertThat(c.rows.get(0).problemRule()).isEqualTo("column-count");
            assertThat(c.rows.get(1).problemRule()).isEqualTo("column-count");
            assertThat(c.rows.get(2).readable()).isTrue();
            assertThat(c.rows.get(2).cells()).containsExactly("1", "2", "3");
        }

        @Test
        void blank_lines_are_skipped_but_counted_in_line_numbers() throws IOException {
            Collected c = read("a,b\n\n1,2\n,\n3,4\n".getBytes(StandardCharsets.UTF_8));
            assertThat(c.rows).extracting(SourceRow::line).containsExactly(3, 5);
        }

        @Test
        void tab_separated_files() throws IOException {
            assertThat(read("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8)).rows.get(0).cells()).containsExactly("1", "2");
        }

        @Test
        void an_empty_file_is_refused() {
            assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(FileRefusedException.class)
                    .satisfies(e -> assertThat(((FileRefusedException) e).errors().get(0).rule()).isEqualTo("empty"));
        }

        @Test
        void too_many_rows_are_refused() {
            assertThatThrownBy(() -> {
                Collected sink = new Collected();
                new CsvSource(new ByteArrayInputStream("a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8)), 2).read(sink);
            }).isInstanceOf(FileRefusedException.class).hasMessageContaining("2 行");
        }

        @Test
        void a_file_larger_than_the_buffers_is_read_whole() throws IOException {
            StringBuilder file = new StringBuilder("a,b\n");
            for (int i = 0; i < 50_000; i++) {
                file.append("示例公司").append(i).append(",").append(i).append('\n');
            }
            Collected c = read(file.toString().getBytes(GB18030));
            assertThat(c.rows).hasSize(50_000);
            assertThat(c.rows.get(49_999).cells()).containsExactly("示例公司49999", "49999");
            assertThat(c.rows.get(49_999).line()).isEqualTo(50_001);
        }
    }
}
