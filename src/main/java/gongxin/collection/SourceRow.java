package gongxin.collection;

import java.util.List;
import java.util.Set;

/**
 * A row as read from a file, before any rule is checked.
 *
 * @param line the line in the file (header = line 1); for a JSON batch, the record's position (first = 1)
 * @param cells the cells in column order
 * @param formulaColumns columns whose cell holds a formula rather than a value
 * @param problemRule when the row itself could not be read (encoding, quotes, column count): the rule
 * @param problem … and the reason in Chinese
 */
record SourceRow(int line, List<String> cells, Set<Integer> formulaColumns, String problemRule, String problem) {

    static SourceRow of(int line, List<String> cells) {
        return new SourceRow(line, cells, Set.of(), null, null);
    }

    static SourceRow unreadable(int line, List<String> cells, String rule, String problem) {
        return new SourceRow(line, cells, Set.of(), rule, problem);
    }

    boolean readable() {
        return problemRule == null;
    }
}
