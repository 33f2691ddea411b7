package gongxin.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gongxin.audit.AuditLog;
import gongxin.shared.Sm3;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CalendarService implements Calendars {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private volatile Cached cached = new Cached(-1, null);

    CalendarService(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public WorkingCalendar current() {
        long revision = jdbc.sql("select revision from calendar.revision where id = 1").query(Long.class).single();
        Cached snapshot = cached;
        if (snapshot.revision() != revision) {
            snapshot = new Cached(revision, build());
            cached = snapshot;
        }
        return snapshot.calendar();
    }

    private WorkingCalendar build() {
        Set<Integer> years = new HashSet<>(jdbc.sql("select year from calendar.year").query(Integer.class).list());
        Map<LocalDate, Boolean> offDays = new HashMap<>();
        // a later announcement wins over an earlier one for the same date
        jdbc.sql("select date, off_day from calendar.special_day order by year, date")
                .query(rs -> {
                    offDays.put(rs.getObject("date", LocalDate.class), rs.getBoolean("off_day"));
                });
        return new WorkingCalendar(offDays, years);
    }

    List<LoadedYear> years() {
        return jdbc.sql("""
                select y.year, y.source, y.papers, y.loaded_at, y.loaded_by,
                       count(*) filter (where d.off_day) as off_days, count(*) filter (where not d.off_day) as make_up_days
                  from calendar.year y left join calendar.special_day d on d.year = y.year
                 group by y.year order by y.year desc""")
                .query((rs, n) -> new LoadedYear(rs.getInt("year"), rs.getString("source"),
                        List.of((String[]) rs.getArray("papers").getArray()), rs.getTimestamp("loaded_at").toInstant(),
                        rs.getString("loaded_by"), rs.getInt("off_days"), rs.getInt("make_up_days")))
                .list();
    }

    boolean isLoaded(int year) {
        return jdbc.sql("select exists (select 1 from calendar.year where year = ?)").param(year).query(Boolean.class).single();
    }

    /** Loads or replaces one year's announcement; refused files change nothing. */
    @Transactional
    LoadedYear load(byte[] content, String source, String loadedBy) {
        HolidayFile file = HolidayFile.parse(content);
        boolean replaced = isLoaded(file.year());
        jdbc.sql("delete from calendar.year where year = ?").param(file.year()).update();
        jdbc.sql("""
                insert into calendar.year (year, source, papers, content_sm3, loaded_at, loaded_by)
                values (:year, :source, :papers, :sm3, :now, :by)""")
                .param("year", file.year()).param("source", source)
                .param("papers", file.papers().toArray(String[]::new)).param("sm3", Sm3.hex(content))
                .param("now", Timestamp.from(clock.instant())).param("by", loadedBy)
                .update();
        for (HolidayFile.Day day : file.days()) {
            jdbc.sql("insert into calendar.special_day (year, date, name, off_day) values (?, ?, ?, ?)")
                    .params(file.year(), day.date(), day.name(), day.offDay()).update();
        }
        jdbc.sql("update calendar.revision set revision = revision + 1 where id = 1").update();
        Map<String, Object> details = new HashMap<>();
        details.put("year", file.year());
        details.put("source", source);
        details.put("days", file.days().size());
        details.put("sm3", Sm3.hex(content));
        details.put("replaced", replaced);
        audit.record("CALENDAR_YEAR_LOADED", "calendar_year", Integer.toString(file.year()), details);
        events.publishEvent(new CalendarYearLoaded(file.year()));
        return years().stream().filter(y -> y.year() == file.year()).findFirst().orElseThrow();
    }

    private record Cached(long revision, WorkingCalendar calendar) {
    }

    /** A loaded year as the administrator sees it. */
    record LoadedYear(int year, String source, List<String> papers, java.time.Instant loadedAt, String loadedBy,
                      int offDays, int makeUpDays) {
        LoadedYear {
            papers = List.copyOf(papers);
        }
    }
}
