package gongxin.identity;

import java.util.List;

/**
 * A department of the platform: a provider of credit information and, for the credit office, the one who runs it.
 *
 * @param code stable key (e.g. {@code CITY-SAMR})
 * @param name full Chinese name
 * @param creditCode its unified social credit code; providers name deciding authorities by it
 * @param level city, county or town
 * @param parentCode the department above it, if any
 * @param duties what it does for the credit system (e.g. 行政许可, 行政处罚)
 * @param active inactive departments keep their history but can no longer act
 * @param sector where rules differ by sector, which one it belongs to (e.g. {@code MARKET_REGULATION}); may be null
 */
public record Department(String code, String name, String creditCode, DepartmentLevel level, String parentCode,
                         List<String> duties, boolean active, String sector) {

    /** Sectors whose rules differ from the general ones. */
    public static final java.util.Map<String, String> SECTORS = java.util.Map.of(
            "MARKET_REGULATION", "市场监管", "TAX", "税务", "COURT", "法院", "WORK_SAFETY", "安全生产",
            "FIRE_PROTECTION", "消防", "SPECIAL_EQUIPMENT", "特种设备");

    public Department {
        duties = duties == null ? List.of() : List.copyOf(duties);
    }
}
