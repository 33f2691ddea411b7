package gongxin.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import gongxin.platform.ClusterLock;
import gongxin.platform.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds example catalog items covering the demo city's data ({@code demo/catalog-items.json}), marked as examples:
 * the official item tables are loaded by the credit office through the XLSX import.
 */
@Component
@Order(20)
class CatalogDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogDemo.class);

    private final DemoProperties demo;
    private final CatalogService catalog;
    private final CatalogRepository repository;
    private final ClusterLock lock;

    CatalogDemo(DemoProperties demo, CatalogService catalog, CatalogRepository repository, ClusterLock lock) {
        this.demo = demo;
        this.catalog = catalog;
        this.repository = repository;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        lock.runExclusively("seed-catalog", () -> {
            if (!repository.itemCodes().isEmpty()) {
                return 0;
            }
            List<ItemDraft> drafts = drafts();
            catalog.recordAll(drafts);
            log.info("Seeded {} example catalog item versions", drafts.size());
            return drafts.size();
        });
    }

    static List<ItemDraft> drafts() {
        JsonMapper json = JsonMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        JsonNode root;
        try (InputStream in = new ClassPathResource("demo/catalog-items.json").getInputStream()) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ItemDraft> drafts = new ArrayList<>();
        for (JsonNode version : root.get("versions")) {
            LocalDate effectiveFrom = LocalDate.parse(version.get("effectiveFrom").asString());
            String categoryKey = version.get("categoryKey").asString();
            for (JsonNode item : root.get("items")) {
                drafts.add(new ItemDraft(item.get("code").asString(), effectiveFrom, false, item.get("name").asString(),
                        item.get(categoryKey).intValue(), item.get("behaviour").asString(), item.get("provider").asString(),
                        item.get("legalBasis").asString(), Nature.valueOf(item.get("nature").asString()),
                        ShareAttribute.valueOf(item.get("shareAttribute").asString()),
                        Disclosure.valueOf(item.get("disclosure").asString()), text(item, "infoType"),
                        Publicity.valueOf(item.get("publicity").asString()), integer(item, "publicityMonths"),
                        integer(item, "retentionYears"),
                        item.has("defaultSeverity") ? Severity.valueOf(item.get("defaultSeverity").asString()) : null,
                        CatalogScope.valueOf(item.get("scope").asString()), true,
                        json.convertValue(item.get("departments"), new TypeReference<List<String>>() { }),
                        json.convertValue(item.get("fields"), new TypeReference<List<ItemField>>() { }),
                        version.get("changeNote").asString(), text(item, "timelinessDeadline"), text(item, "basisDocumentType")));
            }
        }
        return drafts;
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.has(field) ? node.get(field).intValue() : null;
    }
}
