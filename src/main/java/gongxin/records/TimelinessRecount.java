package gongxin.records;

import java.sql.Date;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.calendar.CalendarYearLoaded;
import gongxin.calendar.Calendars;
import gongxin.calendar.WorkingCalendar;
import gongxin.calendar.WorkingDayCount;
import gongxin.platform.GongxinProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a year's holiday announcement is loaded, the timeliness of records that was counted through that year on
 * weekends alone (provisional) is counted again on the real calendar: working days to arrival, on time or late, and
 * whether it is still provisional (another year of the span may still be missing).
 */
@Component
class TimelinessRecount {

    private static final int CHUNK = 5000;

    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final AuditLog audit;
    private final ZoneId zone;

    TimelinessRecount(JdbcClient jdbc, Calendars calendars, AuditLog audit, GongxinProperties properties) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.audit = audit;
        this.zone = properties.zone();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CalendarYearLoaded event) {
        WorkingCalendar calendar = calendars.current();
        long after = 0;
        int recounted = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbc.sql("""
                    select id, decision_date, (first_received_at at time zone :zone)::date as arrived, deadline_days
                      from records.record
                     where timeliness_provisional and id > :after
                       and extract(year from decision_date) <= :year
                       and extract(year from first_received_at at time zone :zone) >= :year
                     order by id limit :chunk""")
                    .param("zone", zone.getId()).param("after", after).param("year", event.year()).param("chunk", CHUNK)
                    .query().listOfRows();
            if (rows.isEmpty()) {
                break;
            }
            List<Long> ids = new ArrayList<>();
            List<Integer> elapsed = new ArrayList<>();
            List<Boolean> onTime = new ArrayList<>();
            List<Boolean> provisional = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                WorkingDayCount count = calendar.workingDaysBetween(((Date) row.get("decision_date")).toLocalDate(),
                        ((Date) row.get("arrived")).toLocalDate());
                ids.add(((Number) row.get("id")).longValue());
                elapsed.add(count.days());
                onTime.add(count.days() <= ((Number) row.get("deadline_days")).intValue());
                provisional.add(count.provisional());
            }
            jdbc.sql("""
                    update records.record r set working_days_to_arrival = x.elapsed, on_time = x.on_time,
                           timeliness_provisional = x.provisional
                      from unnest(:ids::bigint[], :elapsed::int[], :onTime::boolean[], :provisional::boolean[])
                           as x(id, elapsed, on_time, provisional)
                     where r.id = x.id""")
                    .param("ids", ids.toArray(Long[]::new)).param("elapsed", elapsed.toArray(Integer[]::new))
                    .param("onTime", onTime.toArray(Boolean[]::new)).param("provisional", provisional.toArray(Boolean[]::new))
                    .update();
            recounted += rows.size();
            after = ids.get(ids.size() - 1);
        }
        if (recounted > 0) {
            audit.recordAs("platform", "TIMELINESS_RECOUNTED", "calendar_year", Integer.toString(event.year()),
                    Map.of("records", recounted));
        }
    }
}
