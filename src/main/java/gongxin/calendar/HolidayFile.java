package gongxin.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One year's announcement in the holiday-cn format ({@code {"year": 2026, "papers": [...], "days": [{"name",
 * "date", "isOffDay"}]}}), checked before anything is stored.
 */
record HolidayFile(int year, List<String> papers, List<Day> days) {

    record Day(LocalDate date, String name, boolean offDay) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static HolidayFile parse(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw RuleViolationException.of("file", null, "json", "文件不是有效的 JSON（holiday-cn 格式）");
        }
        List<RuleViolation> violations = new ArrayList<>();
        JsonNode yearNode = root == null ? null : root.get("year");
        if (yearNode == null || !yearNode.isInt() || yearNode.intValue() < 1990 || yearNode.intValue() > 2200) {
            throw RuleViolationException.of("year", yearNode == null ? null : yearNode.toString(), "year",
                    "缺少有效的 year 字段（1990–2200 之间的整数）");
        }
        int year = yearNode.intValue();
        List<String> papers = new ArrayList<>();
        if (root.get("papers") != null && root.get("papers").isArray()) {
            root.get("papers").forEach(p -> papers.add(p.asString()));
        }
        JsonNode daysNode = root.get("days");
        if (daysNode == null || !daysNode.isArray()) {
            throw RuleViolationException.of("days", null, "required", "缺少 days 数组");
        }
        List<Day> days = new ArrayList<>();
        int index = 0;
        for (JsonNode day : daysNode) {
            String field = "days[" + index++ + "]";
            String dateText = day.has("date") ? day.get("date").asString() : null;
            LocalDate date = null;
            try {
                date = dateText == null ? null : LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                // reported below
            }
            if (date == null) {
                violations.add(RuleViolation.of(field + ".date", dateText, "date", "日期无效，应为 YYYY-MM-DD"));
                continue;
            }
            if (date.getYear() < year - 1 || date.getYear() > year) {
                violations.add(RuleViolation.of(field + ".date", dateText, "in-year",
                        "日期不属于 " + year + " 年（或其前一年年末的调休）"));
            }
            JsonNode off = day.get("isOffDay");
            if (off == null || !off.isBoolean()) {
                violations.add(RuleViolation.of(field + ".isOffDay", off == null ? null : off.toString(), "boolean",
                        "isOffDay 应为 true（放假）或 false（调休上班）"));
                continue;
            }
            String name = day.has("name") ? day.get("name").asString() : "";
            days.add(new Day(date, name.isBlank() ? "节假日" : name, off.booleanValue()));
        }
        if (days.stream().map(Day::date).distinct().count() != days.size()) {
            violations.add(RuleViolation.of("days", null, "unique", "同一日期出现了多次"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(year + " 年节假日文件不符合规则", violations);
        }
        return new HolidayFile(year, papers, days);
    }
}
