package gongxin.evaluation;

import java.util.List;

/**
 * The stored grades of these subjects changed (a new grade, score or model), published in the transaction that stored
 * them: for the exchange, which reports grades to the province (issue 23).
 */
public record GradesChanged(List<Long> subjectIds) {

    public GradesChanged {
        subjectIds = subjectIds == null ? List.of() : List.copyOf(subjectIds);
    }
}
