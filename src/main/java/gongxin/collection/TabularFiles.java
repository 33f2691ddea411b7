package gongxin.collection;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import gongxin.shared.RuleViolationException;

/**
 * CSV (UTF-8 or GB18030) and XLSX files read the way collection reads them, for other modules that take small files
 * from departments (e.g. red lists): the same encoding detection, quoting and zip-bomb limits.
 */
public final class TabularFiles {

    /** A row as read; {@code problem} says why it could not be read (its cells are then incomplete). */
    public record Row(int line, List<String> cells, String problem) {
    }

    /** Receives the header, then each row. */
    public interface Reader {
        void header(List<String> headers);

        void row(Row row);
    }

    /** A whole small file: its header and its rows. */
    public record Table(List<String> header, List<Row> rows) {

        /** The index of the first header that is one of {@code names} (compared without spaces, upper case), or -1. */
        public int column(java.util.Collection<String> names) {
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i) == null ? "" : header.get(i).replace(" ", "").replace("\u3000", "").strip()
                        .toUpperCase(java.util.Locale.ROOT);
                if (names.contains(h)) {
                    return i;
                }
            }
            return -1;
        }

        /** The cell of a row in a column, or null when the column is missing or the row short. */
        public static String cell(Row row, int column) {
            return column < 0 || column >= row.cells().size() ? null : row.cells().get(column);
        }
    }

    private TabularFiles() {
    }

    /** Reads a small file whole (see {@link #read(InputStream, long, Reader)}). */
    public static Table readAll(InputStream in, long maxRows) throws IOException {
        List<String> header = new java.util.ArrayList<>();
        List<Row> rows = new java.util.ArrayList<>();
        read(in, maxRows, new Reader() {
            @Override
            public void header(List<String> headers) {
                header.addAll(headers);
            }

            @Override
            public void row(Row row) {
                rows.add(row);
            }
        });
        return new Table(List.copyOf(header), List.copyOf(rows));
    }

    /**
     * Reads a file whose kind is recognised by its first bytes (an XLSX file is a ZIP archive).
     *
     * @throws RuleViolationException {@code file} when the file as a whole cannot be read or has more than
     *         {@code maxRows} rows
     */
    public static void read(InputStream raw, long maxRows, Reader reader) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        boolean xlsx = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        RowSink sink = new RowSink() {
            @Override
            public void header(List<String> headers) {
                reader.header(headers);
            }

            @Override
            public void row(SourceRow row) {
                reader.row(new Row(row.line(), row.cells(), row.readable() ? null : row.problem()));
            }
        };
        try {
            if (xlsx) {
                new XlsxSource(in, maxRows).read(sink);
            } else {
                new CsvSource(in, maxRows).read(sink);
            }
        } catch (FileRefusedException e) {
            RowError first = e.errors().get(0);
            throw RuleViolationException.of("file", null, first.rule(), first.message());
        }
    }
}
