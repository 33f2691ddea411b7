package gongxin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import gongxin.catalog.CatalogItem;
import gongxin.catalog.CatalogScope;
import gongxin.catalog.Disclosure;
import gongxin.catalog.ItemField;
import gongxin.catalog.Nature;
import gongxin.catalog.Publicity;
import gongxin.catalog.RuleSet;
import gongxin.catalog.Severity;
import gongxin.catalog.ShareAttribute;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo city's catalog items and the two rule sets, built without Spring for domain tests. */
public final class DemoCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private DemoCatalog() {
    }

    /** The item's 2024 version (effective 2024-03-01), as the demo seeds it. */
    public static CatalogItem item(String code) {
        try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo/catalog-items.json")) {
            for (JsonNode item : JSON.readTree(in).get("items")) {
                if (item.get("code").asString().equals(code)) {
                    return new CatalogItem(code, 2, LocalDate.of(2024, 3, 1), false, item.get("name").asString(), "2024",
                            item.get("c2024").intValue(), "类别", item.get("behaviour").asString(),
                            item.get("provider").asString(), item.get("legalBasis").asString(),
                            Nature.valueOf(item.get("nature").asString()), ShareAttribute.valueOf(item.get("shareAttribute").asString()),
                            Disclosure.valueOf(item.get("disclosure").asString()), text(item, "infoType"),
                            Publicity.valueOf(item.get("publicity").asString()),
                            item.has("publicityMonths") ? item.get("publicityMonths").intValue() : null, 5,
                            item.has("defaultSeverity") ? Severity.valueOf(item.get("defaultSeverity").asString()) : null,
                            CatalogScope.valueOf(item.get("scope").asString()), true,
                            JSON.convertValue(item.get("departments"), new TypeReference<List<String>>() { }),
                            JSON.convertValue(item.get("fields"), new TypeReference<List<ItemField>>() { }), null,
                            Instant.parse("2026-01-01T00:00:00Z"), "test", text(item, "timelinessDeadline"),
                            text(item, "basisDocumentType"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(code);
    }

    /** The 2019 rule and NDRC Order 36 (from 2026-04-01), as the migration seeds them. */
    public static List<RuleSet> ruleSets() {
        List<RuleSet.Exclusion> exclusions = List.of(new RuleSet.Exclusion("SIMPLIFIED_PROCEDURE", "简易程序", ""),
                new RuleSet.Exclusion("FIRST_OFFENCE_NOT_PENALISED", "首违不罚", ""));
        return List.of(
                new RuleSet("ORDER-36", "令36", "令36", LocalDate.of(2026, 4, 1), null, List.of(
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.MINOR, null, 3, false),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, 3, 12, true),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.SERIOUS, 12, 36, true)), exclusions),
                new RuleSet("ORDER-58", "令58", "令58", LocalDate.of(2023, 5, 1), null, List.of(
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.MINOR, null, 3, false),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, 3, 36, true),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.SERIOUS, 3, 36, true),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, 12, 36, true, "WORK_SAFETY"),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.SERIOUS, 12, 36, true, "WORK_SAFETY"),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, 12, 36, true, "FIRE_PROTECTION"),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.SERIOUS, 12, 36, true, "FIRE_PROTECTION")),
                        exclusions),
                new RuleSet("PENALTY-2019", "2019", "2019", LocalDate.of(2019, 7, 1), null, List.of(
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.MINOR, null, 3, false),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.ORDINARY, 3, 12, true),
                        new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", Severity.SERIOUS, 6, 36, true)), exclusions));
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : null;
    }
}
