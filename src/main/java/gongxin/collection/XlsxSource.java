package gongxin.collection;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.CellDataTypeEnum;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.event.AnalysisEventListener;
import cn.idev.excel.metadata.data.DataFormatData;
import cn.idev.excel.metadata.data.ReadCellData;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads the first sheet of an XLSX workbook row by row (SAX streaming: the workbook is never held in memory). Date
 * cells become dates, numbers plain decimals; cells holding formulas are flagged (a provider must send values), and
 * POI's zip-bomb guard refuses archives that inflate abnormally.
 */
final class XlsxSource {

    static {
        // Refuse entries that inflate more than 100 times (zip bombs) or are larger than 1 GB once inflated.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(1L << 30);
    }

    private final InputStream in;
    private final long maxRows;

    XlsxSource(InputStream in, long maxRows) {
        this.in = in;
        this.maxRows = maxRows;
    }

    void read(RowSink sink) {
        Listener listener = new Listener(sink, maxRows);
        try {
            FastExcel.read(in, listener).readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA).headRowNumber(0)
                    .autoCloseStream(false).sheet(0).doRead();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof FileRefusedException refused) {
                    throw refused;
                }
                if (cause.getClass().getName().startsWith("gongxin.") || cause instanceof org.springframework.dao.DataAccessException) {
                    throw (RuntimeException) cause;
                }
                cause = cause.getCause();
            }
            String detail = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            if (detail.contains("Zip bomb") || detail.contains("zip bomb")) {
                throw new FileRefusedException("zip-bomb", "文件解压后的大小异常（疑似压缩炸弹），已拒收");
            }
            throw new FileRefusedException("xlsx", "无法读取 XLSX 文件：文件已损坏或不是 Excel 2007 及以上版本的工作簿");
        }
        if (!listener.headerSeen) {
            throw new FileRefusedException("empty", "工作表为空，没有表头和数据");
        }
    }

    private static final class Listener extends AnalysisEventListener<Map<Integer, ReadCellData<?>>> {
        private final RowSink sink;
        private final long maxRows;
        private boolean headerSeen;
        private int width;
        private long rows;

        Listener(RowSink sink, long maxRows) {
            this.sink = sink;
            this.maxRows = maxRows;
        }

        @Override
        public void invoke(Map<Integer, ReadCellData<?>> data, AnalysisContext context) {
            int line = context.readRowHolder().getRowIndex() + 1;
            int last = data.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            List<String> cells = new ArrayList<>(last + 1);
            Set<Integer> formulas = new HashSet<>();
            for (int column = 0; column <= last; column++) {
                ReadCellData<?> cell = data.get(column);
                if (cell != null && (cell.getFormulaData() != null || cell.getType() == CellDataTypeEnum.ERROR)) {
                    formulas.add(column);
                }
                cells.add(text(cell));
            }
            if (!headerSeen) {
                headerSeen = true;
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
                width = cells.size();
                sink.header(cells);
                return;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (++rows > maxRows) {
                throw new FileRefusedException("max-rows", "文件超过单次报送 " + maxRows + " 行的上限，请拆分后报送");
            }
            if (cells.size() > width && cells.subList(width, cells.size()).stream().allMatch(String::isBlank)) {
                cells = new ArrayList<>(cells.subList(0, width));
            }
            while (cells.size() < width) {
                cells.add("");
            }
            if (cells.size() > width) {
                sink.row(SourceRow.unreadable(line, cells, "column-count", "表头之外的列有内容（第 " + (width + 1) + " 列起）"));
                return;
            }
            sink.row(new SourceRow(line, cells, formulas, null, null));
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
        }
    }

    private static String text(ReadCellData<?> cell) {
        if (cell == null || cell.getType() == null) {
            return "";
        }
        return switch (cell.getType()) {
            case STRING, DIRECT_STRING, RICH_TEXT_STRING -> cell.getStringValue() == null ? "" : cell.getStringValue();
            case NUMBER -> number(cell);
            case BOOLEAN -> String.valueOf(cell.getBooleanValue());
            default -> "";
        };
    }

    private static String number(ReadCellData<?> cell) {
        BigDecimal value = cell.getNumberValue();
        if (value == null) {
            return "";
        }
        DataFormatData format = cell.getDataFormatData();
        if (format != null && format.getIndex() != null && DateUtil.isADateFormat(format.getIndex(), format.getFormat())) {
            return DateUtil.getLocalDateTime(value.doubleValue()).toLocalDate().toString();
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
    }
}
