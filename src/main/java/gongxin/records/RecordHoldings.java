package gongxin.records;

import java.util.List;
import java.util.Map;

import gongxin.subjects.SubjectHoldings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A subject's records, for the subject look-up: what was decided, by whom, when, and where the record stands. */
@Component
class RecordHoldings implements SubjectHoldings {

    private final JdbcClient jdbc;

    RecordHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "records";
    }

    @Override
    public List<Map<String, Object>> of(long subjectId, boolean history) {
        return jdbc.sql("""
                select id, item_code as item, department_code as department, decision_number as "decisionNumber",
                       decision_date::text as "decisionDate", status, severity, dishonest, minor
                  from records.record
                 where subject_id = :subject
                   and (cast(:history as boolean) or (status not in ('REVOKED', 'REPAIRED') and not minor))
                 order by decision_date desc, id desc limit 500""")
                .param("subject", subjectId).param("history", history).query().listOfRows();
    }
}
