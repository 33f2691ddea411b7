package gongxin.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.catalog.ItemField;
import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryDetail;
import gongxin.entries.EntryField;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryStatus;
import gongxin.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files for provinces that still take files (issue 23): the records of a catalog item (行政许可 XZXK, 行政处罚 XZCF:
 * the 双公示 items) stored or changed since a day, in the item's national layout: one column per catalog field, in the
 * catalog's order and under its names, then 数据状态 (正常, 已撤销, 已信用修复…) so that a revocation or repair travels
 * too. CSV in GB18030 (what the provincial templates are read in) or XLSX. A minor's records are not exported.
 */
@Service
class Exports {

    enum Format {
        CSV("text/csv;charset=GB18030", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        static Format of(String value) {
            try {
                return value == null || value.isBlank() ? CSV : valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RuleViolationException.of("format", value, "format", "文件格式应为 csv 或 xlsx");
            }
        }
    }

    static final String STATUS_COLUMN = "数据状态";
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int XLSX_CHUNK = 5000;

    private final Catalog catalog;
    private final CreditEntries entries;
    private final gongxin.audit.AuditLog audit;
    private final Clock clock;

    Exports(Catalog catalog, CreditEntries entries, gongxin.audit.AuditLog audit, Clock clock) {
        this.audit = audit;
        this.catalog = catalog;
        this.entries = entries;
        this.clock = clock;
    }

    /** The layout of an item's file: its catalog fields as in force today (the latest version if none is). */
    CatalogItem layout(String item) {
        if (item == null || item.isBlank()) {
            throw RuleViolationException.of("item", null, "required", "请给出信息项代码（如 XZCF 行政处罚、XZXK 行政许可）");
        }
        String code = item.strip().toUpperCase(Locale.ROOT);
        return catalog.itemInForce(code, LocalDate.now(clock))
                .or(() -> catalog.history(code).stream().findFirst())
                .orElseThrow(() -> RuleViolationException.of("item", item, "unknown-item", "目录中没有信息项 " + item));
    }

    /** Checks the day the file starts from: not after today. */
    Instant since(LocalDate since) {
        if (since == null) {
            throw RuleViolationException.of("since", null, "required", "请给出起始日期（since，如 2026-11-01）");
        }
        if (since.isAfter(LocalDate.now(clock))) {
            throw RuleViolationException.of("since", since.toString(), "not-future", "起始日期不能晚于今天");
        }
        return since.atStartOfDay(clock.getZone()).toInstant();
    }

    /**
     * Writes the file; audited as a non-public read, and a line in the query history of every subject it holds (it
     * leaves the platform with their non-public fields).
     */
    @Transactional
    void write(CatalogItem item, LocalDate since, Format format, gongxin.audit.Purpose purpose, OutputStream out) throws IOException {
        List<String> header = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (ItemField f : item.fields()) {
            header.add(f.name());
            codes.add(f.code());
        }
        header.add(STATUS_COLUMN);
        java.util.Set<Long> subjects = new java.util.LinkedHashSet<>();
        Instant from = since(since);
        int rows = format == Format.CSV ? csv(item, from, header, codes, out, subjects) : xlsx(item, from, header, codes, out, subjects);
        audit.recordSubjectsRead("EXPORT", "exchange_export", item.code() + "@" + since, purpose,
                java.util.Map.of("format", format.name(), "rows", rows), null, subjects);
    }

    private int csv(CatalogItem item, Instant since, List<String> header, List<String> codes, OutputStream out,
                    java.util.Set<Long> subjects) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, GB18030), 1 << 16);
        line(w, header);
        int[] n = {0};
        try {
            entries.changedSince(EntryKind.RECORD, item.code(), since, EntryDetail.FULL, e -> {
                if (!e.minor()) {
                    subjects.add(e.subjectId());
                    try {
                        line(w, row(e, codes));
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                    n[0]++;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
        return n[0];
    }

    private int xlsx(CatalogItem item, Instant since, List<String> header, List<String> codes, OutputStream out,
                     java.util.Set<Long> subjects) {
        List<List<String>> head = header.stream().map(List::of).toList();
        ExcelWriter writer = FastExcel.write(out).build();
        WriteSheet sheet = FastExcel.writerSheet(0, item.name()).head(head).build();
        List<List<String>> chunk = new ArrayList<>();
        int[] n = {0};
        try {
            entries.changedSince(EntryKind.RECORD, item.code(), since, EntryDetail.FULL, e -> {
                if (!e.minor()) {
                    subjects.add(e.subjectId());
                    chunk.add(row(e, codes));
                    n[0]++;
                    if (chunk.size() >= XLSX_CHUNK) {
                        writer.write(chunk, sheet);
                        chunk.clear();
                    }
                }
            });
            writer.write(chunk, sheet);
        } finally {
            writer.finish();
        }
        return n[0];
    }

    private static List<String> row(CreditEntry e, List<String> codes) {
        Map<String, String> byCode = new HashMap<>();
        for (EntryField f : e.fields()) {
            if (f.code() != null) {
                byCode.put(f.code(), f.value());
            }
        }
        List<String> row = new ArrayList<>(codes.size() + 1);
        for (String code : codes) {
            row.add(byCode.getOrDefault(code, ""));
        }
        row.add(status(e.status()));
        return row;
    }

    static String status(EntryStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case PUBLISHED -> "正常";
            case NOT_PUBLISHED -> "不公示";
            case PUBLICITY_ENDED -> "公示期满";
            case REVOKED -> "已撤销";
            case REPAIRED -> "已信用修复";
            case REMOVED -> "已移出";
        };
    }

    /** One CSV line (RFC 4180: a value with a comma, quote or line break is quoted, quotes doubled), CRLF. */
    private static void line(Writer w, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                w.write('"');
                w.write(v.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(v);
            }
        }
        w.write("\r\n");
    }
}
