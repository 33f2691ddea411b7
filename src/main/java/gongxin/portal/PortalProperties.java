package gongxin.portal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Public website settings ({@code gongxin.portal.*}).
 *
 * @param sections the subject-page section of each catalog item (items not listed go to 其他)
 * @param masking how much of each kind of personal data stays visible (defaults in {@link Masking#DEFAULTS})
 * @param requestsPerMinute public requests one address may make per minute, all nodes together
 * @param pageSize results per page
 * @param searchCacheTtl how long a search's result page is served from memory at most; changes projected on this
 *                       node end it at once, changes from other nodes within this time
 * @param searchCacheSize how many result pages are kept
 * @param maxBodySize the largest request body the public site accepts (a report to verify, a search form); a credit
 *                    report is a few hundred kilobytes
 * @param projectionWriters chunks of a batch written into the read model at once, each by a database session of its
 *                          own (about the database's cores)
 */
@ConfigurationProperties("gongxin.portal")
record PortalProperties(Map<String, Section> sections, Map<FieldKind, Masking.Rule> masking,
                        @DefaultValue("120") int requestsPerMinute, @DefaultValue("20") int pageSize,
                        @DefaultValue("30s") java.time.Duration searchCacheTtl, @DefaultValue("10000") int searchCacheSize,
                        @DefaultValue("10MB") org.springframework.util.unit.DataSize maxBodySize,
                        @DefaultValue("2") int projectionWriters, @DefaultValue("false") boolean showGrades) {

    PortalProperties {
        sections = sections == null ? Map.of() : Map.copyOf(sections);
    }

    Section section(String itemCode) {
        return sections.getOrDefault(itemCode, Section.OTHER);
    }

    /** The masking rules, configured ones over the defaults; one instance for the projection and the pages. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class MaskingConfiguration {
        @org.springframework.context.annotation.Bean
        Masking masking(PortalProperties properties) {
            return new Masking(properties.masking());
        }
    }
}
