package gongxin.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.records.CreditRecord;
import gongxin.records.Records;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Record corrections and the timeliness of 双公示 (瞒报迟报) for the credit office and departments. */
@RestController
class CollectionApi {

    private final CorrectionService corrections;
    private final Records records;
    private final Departments departments;
    private final Clock clock;

    CollectionApi(CorrectionService corrections, Records records, Departments departments, Clock clock) {
        this.corrections = corrections;
        this.records = records;
        this.departments = departments;
        this.clock = clock;
    }

    /** The same decision, changed data: a new version of the record; history is kept. */
    @Operation(summary = "更正一条记录（本部门，作为新版本）")
    @PostMapping("/api/v1/records/{id}/correction")
    @PreAuthorize("hasAuthority('SCOPE_submit') or hasRole('OPERATOR')")
    CreditRecord correct(@PathVariable long id, @RequestBody CorrectionRequest request) {
        corrections.correct(id, request.fields(), request.reason());
        return records.find(id).orElseThrow();
    }

    /**
     * On-time rates per department and month of decision, for records whose item has a reporting deadline. Departments
     * see their own; the credit office, auditors and aggregating systems see all.
     */
    @Operation(summary = "报送及时性统计")
    @GetMapping("/api/v1/statistics/timeliness")
    @PreAuthorize("hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')")
    TimelinessStatistics timeliness(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                          @RequestParam(required = false) String department) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusMonths(11).withDayOfMonth(1) : from;
        return new TimelinessStatistics(start, end, rows(start, end, department));
    }

    List<Row> rows(LocalDate from, LocalDate to, String department) {
        Caller caller = Caller.current();
        boolean chosen = department != null && !department.isBlank();
        List<String> scope = caller.seesEveryDepartment() ? (chosen ? List.of(department) : null)
                : chosen && caller.mayActFor(department) ? List.of(department) : List.copyOf(caller.departments());
        Map<String, String> names = departments.names();
        return records.timeliness(from, to, scope).stream()
                .map(r -> new Row(r.departmentCode(), names.getOrDefault(r.departmentCode(), r.departmentCode()), r.month(),
                        r.records(), r.onTime(), r.records() - r.onTime(), Math.round(r.rate() * 10000) / 10000.0,
                        Math.round(r.averageWorkingDays() * 10) / 10.0, r.provisional()))
                .toList();
    }

    record CorrectionRequest(Map<String, Object> fields, String reason) {
    }

    /** Named apart from the record's own timeliness: the document's schemas are named by simple class names. */
    record TimelinessStatistics(LocalDate from, LocalDate to, List<Row> rows) {
    }

    /**
     * @param rate on-time share, 0–1
     * @param provisional some counts ran through a year whose holidays are not loaded
     */
    record Row(String department, String departmentName, String month, long records, long onTime, long late, double rate,
               double averageWorkingDays, boolean provisional) {
    }
}
