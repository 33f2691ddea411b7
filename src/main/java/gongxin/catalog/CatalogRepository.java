package gongxin.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CatalogRepository {

    private static final String VERSION_COLUMNS = """
            v.*, c.name as category_name""";

    private static final String IN_FORCE = """
            select * from (
              select distinct on (v.item_code) %s
                from catalog.item_version v
                join catalog.category c on c.edition = v.edition and c.no = v.category_no
               where v.effective_from <= :on %s
               order by v.item_code, v.effective_from desc, v.version desc
            ) latest %s order by item_code""".formatted(VERSION_COLUMNS, "%s", "%s");

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Edition> editions() {
        Map<String, List<Edition.Category>> categories = new LinkedHashMap<>();
        jdbc.sql("select * from catalog.category order by edition, no").query(rs -> {
            categories.computeIfAbsent(rs.getString("edition"), k -> new ArrayList<>())
                    .add(new Edition.Category(rs.getInt("no"), rs.getString("name"), rs.getString("description")));
        });
        return jdbc.sql("select * from catalog.edition order by effective_from")
                .query((rs, n) -> new Edition(rs.getString("code"), rs.getString("name"), rs.getString("document_no"),
                        rs.getObject("effective_from", LocalDate.class), rs.getString("note"),
                        categories.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    List<CatalogItem> itemsInForce(LocalDate on) {
        return jdbc.sql(IN_FORCE.formatted("", "where status = 'IN_FORCE'")).param("on", on).query(this::map).list();
    }

    Optional<CatalogItem> itemInForce(String code, LocalDate on) {
        return jdbc.sql(IN_FORCE.formatted("and v.item_code = :code", "where status = 'IN_FORCE'")).param("on", on)
                .param("code", code).query(this::map).optional();
    }

    /** The version that applies on {@code on}, also when it withdraws the item. */
    Optional<CatalogItem> latestOn(String code, LocalDate on) {
        return jdbc.sql(IN_FORCE.formatted("and v.item_code = :code", "")).param("on", on).param("code", code)
                .query(this::map).optional();
    }

    List<CatalogItem> versions(String code) {
        return jdbc.sql("""
                select %s from catalog.item_version v
                  join catalog.category c on c.edition = v.edition and c.no = v.category_no
                 where v.item_code = :code order by v.version desc""".formatted(VERSION_COLUMNS))
                .param("code", code).query(this::map).list();
    }

    List<String> itemCodes() {
        return jdbc.sql("select code from catalog.item order by code").query(String.class).list();
    }

    boolean itemExists(String code) {
        return jdbc.sql("select exists (select 1 from catalog.item where code = ?)").param(code).query(Boolean.class).single();
    }

    /** Serialises version numbers of one item: the row lock is held until the transaction ends. */
    int nextVersion(String code, Instant now) {
        jdbc.sql("insert into catalog.item (code, created_at) values (:code, :now) on conflict (code) do nothing")
                .param("code", code).param("now", Timestamp.from(now)).update();
        jdbc.sql("select code from catalog.item where code = ? for update").param(code).query(String.class).single();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from catalog.item_version where item_code = ?")
                .param(code).query(Integer.class).single();
    }

    void insertVersion(CatalogItem item) {
        jdbc.sql("""
                insert into catalog.item_version (item_code, version, effective_from, status, name, edition, category_no,
                    behaviour, provider, legal_basis, nature, share_attribute, disclosure, info_type, publicity,
                    publicity_months, retention_years, default_severity, scope, example, departments, fields,
                    change_note, recorded_at, recorded_by, timeliness_deadline, basis_document_type)
                values (:code, :version, :effectiveFrom, :status, :name, :edition, :categoryNo, :behaviour, :provider,
                    :legalBasis, :nature, :share, :disclosure, :infoType, :publicity, :publicityMonths, :retentionYears,
                    :defaultSeverity, :scope, :example, :departments, cast(:fields as jsonb), :changeNote, :recordedAt,
                    :recordedBy, :timelinessDeadline, :basisDocumentType)""")
                .param("code", item.code()).param("version", item.version()).param("effectiveFrom", item.effectiveFrom())
                .param("status", item.withdrawn() ? "WITHDRAWN" : "IN_FORCE").param("name", item.name())
                .param("edition", item.edition()).param("categoryNo", item.categoryNo())
                .param("behaviour", item.behaviour()).param("provider", item.provider())
                .param("legalBasis", item.legalBasis()).param("nature", item.nature().name())
                .param("share", item.shareAttribute().name()).param("disclosure", item.disclosure().name())
                .param("infoType", item.infoType()).param("publicity", item.publicity().name())
                .param("publicityMonths", item.publicityMonths()).param("retentionYears", item.retentionYears())
                .param("defaultSeverity", item.defaultSeverity() == null ? null : item.defaultSeverity().name())
                .param("scope", item.scope().name()).param("example", item.example())
                .param("departments", item.departments().toArray(String[]::new))
                .param("fields", json.writeValueAsString(item.fields())).param("changeNote", item.changeNote())
                .param("recordedAt", Timestamp.from(item.recordedAt())).param("recordedBy", item.recordedBy())
                .param("timelinessDeadline", item.timelinessDeadline()).param("basisDocumentType", item.basisDocumentType())
                .update();
    }

    private CatalogItem map(ResultSet rs, int row) throws SQLException {
        String severity = rs.getString("default_severity");
        List<ItemField> fields = json.readValue(rs.getString("fields"), new TypeReference<List<ItemField>>() { });
        return new CatalogItem(rs.getString("item_code"), rs.getInt("version"),
                rs.getObject("effective_from", LocalDate.class), "WITHDRAWN".equals(rs.getString("status")),
                rs.getString("name"), rs.getString("edition"), rs.getInt("category_no"), rs.getString("category_name"),
                rs.getString("behaviour"), rs.getString("provider"), rs.getString("legal_basis"),
                Nature.valueOf(rs.getString("nature")), ShareAttribute.valueOf(rs.getString("share_attribute")),
                Disclosure.valueOf(rs.getString("disclosure")), rs.getString("info_type"),
                Publicity.valueOf(rs.getString("publicity")), (Integer) rs.getObject("publicity_months"),
                (Integer) rs.getObject("retention_years"), severity == null ? null : Severity.valueOf(severity),
                CatalogScope.valueOf(rs.getString("scope")), rs.getBoolean("example"),
                Arrays.asList((String[]) rs.getArray("departments").getArray()), fields, rs.getString("change_note"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                rs.getString("timeliness_deadline"), rs.getString("basis_document_type"));
    }
}
