package gongxin.collection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a CSV file as providers export it, streaming, one physical line at a time.
 *
 * <ul>
 *   <li>Encoding: a UTF-8 byte-order mark means UTF-8; otherwise the lines with non-ASCII bytes in the first 256 KB
 *   vote between UTF-8 and GB18030 (which covers GBK and GB2312). Every line is then checked: a line in the other
 *   encoding, or with bytes that cannot be decoded, becomes a row error of its own instead of garbage.</li>
 *   <li>Quoting per RFC 4180 ({@code ""} inside quotes), fields may span lines; a quote left open for more than
 *   {@value #MAX_CONTINUATION_LINES} lines or until the end of the file is an error of the line where it opened,
 *   and reading resumes at the next line, so one bad quote does not swallow the rest of the file.</li>
 *   <li>The separator (comma, tab or semicolon) is the one the header line uses most.</li>
 * </ul>
 */
final class CsvSource {

    static final int MAX_LINE_BYTES = 1 << 20;
    static final int MAX_CONTINUATION_LINES = 50;
    private static final int SAMPLE_BYTES = 256 * 1024;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private final long maxRows;
    private Charset encoding;
    private int lineNumber;
    private long charactersParsed;

    CsvSource(InputStream in, long maxRows) {
        this.in = in;
        this.maxRows = maxRows;
    }

    /** How many characters the field parser looked at: once each, whatever the quoting (a test keeps it so). */
    long charactersParsed() {
        return charactersParsed;
    }

    /** The encoding the file was read in ("UTF-8" or "GB18030"). */
    String encoding() {
        return encoding == null ? "UTF-8" : encoding.name();
    }

    void read(RowSink sink) throws IOException {
        detectEncoding();
        Deque<Line> pending = new ArrayDeque<>();
        Line headerLine = next(pending);
        while (headerLine != null && headerLine.text() != null && headerLine.text().isBlank()) {
            headerLine = next(pending);
        }
        if (headerLine == null) {
            throw new FileRefusedException("empty", "文件为空，没有表头和数据");
        }
        if (headerLine.text() == null) {
            throw new FileRefusedException("encoding", "表头无法解码：" + headerLine.problem());
        }
        char separator = separator(headerLine.text());
        List<String> header = parse(headerLine.text(), separator);
        if (header == null) {
            throw new FileRefusedException("unterminated-quote", "表头中的引号未闭合");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        sink.header(header);
        long rows = 0;
        Line line;
        while ((line = next(pending)) != null) {
            if (line.text() == null) {
                rows = count(rows);
                sink.row(SourceRow.unreadable(line.number(), List.of(), line.rule(), line.problem()));
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            // a quoted field may go on in the next lines: they are fed to the same parser, which goes on where it
            // stopped, so each character is read once however many lines a field spans
            Fields fields = new Fields(separator).feed(line.text());
            List<Line> consumed = new ArrayList<>();
            while (fields.open() && consumed.size() < MAX_CONTINUATION_LINES) {
                Line more = next(pending);
                if (more == null || more.text() == null) {
                    if (more != null) {
                        consumed.add(more);
                    }
                    break;
                }
                consumed.add(more);
                fields.feed("\n").feed(more.text());
            }
            charactersParsed += fields.examined();
            List<String> cells = fields.open() ? null : fields.end();
            if (cells == null) {
                rows = count(rows);
                sink.row(SourceRow.unreadable(line.number(), List.of(), "unterminated-quote",
                        "引号未闭合：从第 " + line.number() + " 行开始的引号没有结束"));
                for (int i = consumed.size() - 1; i >= 0; i--) {
                    pending.addFirst(consumed.get(i));
                }
                continue;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows = count(rows);
            sink.row(shape(line.number(), cells, header.size()));
        }
    }

    private long count(long rows) {
        if (rows + 1 > maxRows) {
            throw new FileRefusedException("max-rows", "文件超过单次报送 " + maxRows + " 行的上限，请拆分后报送");
        }
        return rows + 1;
    }

    /** Extra empty cells at the end are tolerated; any other difference from the header's width is an error. */
    private static SourceRow shape(int line, List<String> cells, int width) {
        if (cells.size() > width && cells.subList(width, cells.size()).stream().allMatch(String::isBlank)) {
            cells = cells.subList(0, width);
        }
        if (cells.size() != width) {
            return SourceRow.unreadable(line, cells, "column-count",
                    "列数为 " + cells.size() + "，与表头的 " + width + " 列不符（可能有多余或缺少的分隔符）");
        }
        return SourceRow.of(line, cells);
    }

    private Line next(Deque<Line> pending) throws IOException {
        if (!pending.isEmpty()) {
            return pending.pollFirst();
        }
        byte[] bytes = readLine();
        if (bytes == null) {
            return null;
        }
        lineNumber++;
        if (bytes.length > MAX_LINE_BYTES) {
            return new Line(lineNumber, null, "line-too-long", "此行超过 1 MB，无法读取");
        }
        return decode(lineNumber, bytes);
    }

    private Line decode(int number, byte[] bytes) {
        if (ascii(bytes)) {
            return new Line(number, new String(bytes, StandardCharsets.US_ASCII), null, null);
        }
        boolean utf8 = decodes(bytes, StandardCharsets.UTF_8);
        if (encoding == StandardCharsets.UTF_8) {
            if (utf8) {
                return new Line(number, new String(bytes, StandardCharsets.UTF_8), null, null);
            }
            return decodes(bytes, GB18030)
                    ? new Line(number, null, "encoding", "此行为 GB18030/GBK 编码，而文件其余部分为 UTF-8：请统一编码后重新报送")
                    : new Line(number, null, "encoding", "此行含有不是 UTF-8 编码的字节");
        }
        if (utf8) {
            return new Line(number, null, "encoding", "此行为 UTF-8 编码，而文件其余部分为 GB18030/GBK：请统一编码后重新报送");
        }
        try {
            return new Line(number, decoder(GB18030).decode(ByteBuffer.wrap(bytes)).toString(), null, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "encoding", "此行含有无法按 GB18030 解码的字节");
        }
    }

    private void detectEncoding() throws IOException {
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        pushBack = sample;
        if (sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            pushBackPosition = 3;
            encoding = StandardCharsets.UTF_8;
            return;
        }
        if (sample.length >= 2 && (((sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE)
                || ((sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF))) {
            throw new FileRefusedException("encoding", "不支持 UTF-16 编码的文件，请另存为 UTF-8 或 GB18030 编码的 CSV");
        }
        for (byte b : sample) {
            if (b == 0) {
                throw new FileRefusedException("not-text", "文件不是文本格式的 CSV（含有二进制内容）");
            }
        }
        int utf8Votes = 0;
        int gbVotes = 0;
        int start = 0;
        for (int i = 0; i <= sample.length; i++) {
            if (i == sample.length || sample[i] == '\n') {
                // the last line of a sample may be cut in the middle of a character: it does not vote
                if (i < sample.length || sample.length < SAMPLE_BYTES) {
                    byte[] line = java.util.Arrays.copyOfRange(sample, start, i);
                    if (!ascii(line)) {
                        if (decodes(line, StandardCharsets.UTF_8)) {
                            utf8Votes++;
                        } else {
                            gbVotes++;
                        }
                    }
                }
                start = i + 1;
            }
        }
        encoding = gbVotes > utf8Votes ? GB18030 : StandardCharsets.UTF_8;
    }

    /** The sample read for detection, served again before the rest of the stream. */
    private byte[] pushBack = new byte[0];
    private int pushBackPosition;

    private int fill() throws IOException {
        if (pushBackPosition < pushBack.length) {
            int n = Math.min(buffer.length, pushBack.length - pushBackPosition);
            System.arraycopy(pushBack, pushBackPosition, buffer, 0, n);
            pushBackPosition += n;
            position = 0;
            limit = n;
            return n;
        }
        int n = in.read(buffer);
        position = 0;
        limit = Math.max(n, 0);
        return n;
    }

    /** The next physical line without its line break, or {@code null} at the end; over-long lines are cut. */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = null;
        boolean any = false;
        while (true) {
            if (position >= limit && fill() <= 0) {
                break;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (line == null) {
                line = new ByteArrayOutputStream(Math.max(64, position - start));
            }
            if (line.size() <= MAX_LINE_BYTES) {
                line.write(buffer, start, Math.min(position - start, MAX_LINE_BYTES + 1 - line.size()));
            }
            if (position < limit) {
                position++;
                break;
            }
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            return java.util.Arrays.copyOf(bytes, length - 1);
        }
        return bytes;
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            decoder(charset).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static char separator(String header) {
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == '\t') {
                    tabs++;
                } else if (c == ';') {
                    semicolons++;
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The fields of one logical line, or {@code null} when a quoted field is still open at its end. */
    static List<String> parse(String text, char separator) {
        Fields fields = new Fields(separator).feed(text);
        return fields.open() ? null : fields.end();
    }

    /**
     * The fields of one logical line, fed one physical line at a time. Linear in what it is fed: every character is
     * looked at once, and whether a field is still blank (a quote opens a quoted field only there) is kept as a flag
     * rather than found again by looking at the field.
     */
    static final class Fields {
        private final char separator;
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private boolean quoted;
        private boolean wasQuoted;
        private boolean blank = true;
        /** A quote inside a quoted field at the end of what was fed: the next character decides what it was. */
        private boolean quoteAtEnd;
        private long examined;

        Fields(char separator) {
            this.separator = separator;
        }

        Fields feed(String text) {
            for (int i = 0; i < text.length(); i++) {
                accept(text.charAt(i));
            }
            return this;
        }

        private void accept(char c) {
            examined++;
            if (quoteAtEnd) {
                quoteAtEnd = false;
                if (c == '"') {
                    field.append('"');
                    return;
                }
                quoted = false;
            }
            if (quoted) {
                if (c == '"') {
                    quoteAtEnd = true;
                } else {
                    field.append(c);
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                blank = true;
            } else if (c == '"' && !wasQuoted && blank) {
                // a quote opens a quoted field only at its start (spaces before it are dropped)
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c);
                blank &= Character.isWhitespace(c);
            }
        }

        /** Whether a quoted field is still open. */
        boolean open() {
            return quoted && !quoteAtEnd;
        }

        /** How many characters were looked at. */
        long examined() {
            return examined;
        }

        List<String> end() {
            fields.add(field.toString());
            return fields;
        }
    }

    /** A physical line: its text, or why it could not be decoded. */
    private record Line(int number, String text, String rule, String problem) {
    }
}
