package gongxin.portal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.shared.SubjectCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal's tables: subjects with their search tokens, entries, issued reports. */
@Repository
class PortalRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final PortalGeneration generation;
    private final SearchRowBounds bounds = new SearchRowBounds();

    private final org.springframework.transaction.PlatformTransactionManager transactions;
    /** The public read paths below (search, subject pages, list pages) read from the replica when one serves. */
    private final gongxin.platform.PublicReads reads;

    PortalRepository(JdbcClient jdbc, JdbcTemplate template, Clock clock, PortalGeneration generation,
                     org.springframework.transaction.PlatformTransactionManager transactions,
                     gongxin.platform.PublicReads reads) {
        this.transactions = transactions;
        this.reads = reads;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.generation = generation;
    }

    /** A subject as the projection writes it; {@code registryId} its id in the subject registry (null: none). */
    record SubjectRow(String key, String publicId, String category, String name, LocalDate nameDate, String creditCode,
                      String idDigest, String idMasked, List<String> formerNames, Long registryId) {
    }

    /**
     * Subjects, set-based: one statement per chunk of rows (the same subject twice in a chunk merged first, as the
     * statement would merge them one after the other), then the search rows of the subjects it created in one more
     * statement; an updated subject's rows are kept by the trigger.
     */
    void upsertSubjects(List<SubjectRow> rows) {
        generation.changed();
        Timestamp now = Timestamp.from(clock.instant());
        List<SubjectRow> subjects = merged(rows);
        // in key order: chunks of one batch are written at once, and two statements that lock the same subjects in
        // the same order wait for each other instead of deadlocking
        subjects.sort(java.util.Comparator.comparing(SubjectRow::key));
        for (int from = 0; from < subjects.size(); from += 1000) {
            List<SubjectRow> chunk = subjects.subList(from, Math.min(subjects.size(), from + 1000));
            int n = chunk.size();
            String[] keys = new String[n];
            String[] publicIds = new String[n];
            String[] categories = new String[n];
            String[] names = new String[n];
            String[] dates = new String[n];
            String[] codes = new String[n];
            String[] digests = new String[n];
            String[] masked = new String[n];
            String[] formers = new String[n];
            Long[] registryIds = new Long[n];
            String[] tokens = new String[n];
            for (int k = 0; k < n; k++) {
                SubjectRow r = chunk.get(k);
                keys[k] = r.key();
                publicIds[k] = r.publicId();
                categories[k] = r.category();
                names[k] = r.name();
                dates[k] = r.nameDate().toString();
                codes[k] = r.creditCode();
                digests[k] = r.idDigest();
                masked[k] = r.idMasked();
                formers[k] = String.join(FORMER_SEPARATOR, r.formerNames());
                registryIds[k] = r.registryId();
                tokens[k] = "NATURAL_PERSON".equals(r.category()) ? "" : String.join(FORMER_SEPARATOR, bigrams(r));
            }
            // A new subject that two chunks of one batch bring at once: the second insert waits for the first's row in
            // the public id's unique index, which ON CONFLICT (subject_key) does not arbitrate, and fails once the first
            // commits (seen in CI: subject_public_id_key). The statement runs under a savepoint and once more on that
            // failure: the first writer's row is committed by then, and the statement updates it.
            List<Long> created = againOnce(() -> subjectStatement(keys, publicIds, categories, names, dates, codes, digests,
                    masked, formers, registryIds, tokens, now));
            if (!created.isEmpty()) {
                writeSearchRows(created);
            }
        }
    }

    /**
     * The search rows of subjects just created: the same rows as {@code portal.subject_token_rows}, from the bigrams the
     * subjects' statement computed (a bigram is "former" when only a former name has it), each as far as its bigram's
     * bound (ADR 0034); then the bigrams due for a bound are bounded, in order.
     */
    private void writeSearchRows(List<Long> created) {
        Map<String, Integer> written = new java.util.HashMap<>();
        jdbc.sql("""
                with n as (select t as token, cardinality(s.former_names) > 0 and t <> all (portal.bigrams(array[s.name])) as former,
                                  char_length(s.name) as name_length, s.id as subject_id
                             from portal.subject s, unnest(s.tokens) t
                            where s.id = any(:ids::bigint[]) and s.category <> 'NATURAL_PERSON'),
                     written as (insert into portal.subject_token (token, former, name_length, subject_id)
                                 select n.token, n.former, n.name_length, n.subject_id
                                   from n left join portal.token_bound b on b.token = n.token
                                  where b.token is null
                                     or (not n.former, n.name_length, n.subject_id) <= (not b.former, b.name_length, b.subject_id)
                                 returning token)
                select token, count(*)::int as n from written group by token""")
                .param("ids", created.toArray(Long[]::new))
                .query(rs -> {
                    written.put(rs.getString(1), rs.getInt(2));
                });
        for (String token : bounds.written(written)) {
            jdbc.sql("select portal.bound_token(:token, :keep)").param("token", token).param("keep", SearchRowBounds.KEEP)
                    .query(Boolean.class).single();
        }
    }

    /** The subjects' upsert: the ids of the subjects it created. */
    private List<Long> subjectStatement(String[] keys, String[] publicIds, String[] categories, String[] names, String[] dates,
                                        String[] codes, String[] digests, String[] masked, String[] formers, Long[] registryIds,
                                        String[] tokens, Timestamp now) {
        return jdbc.sql("""
                    insert into portal.subject as s (subject_key, public_id, category, name, name_date, credit_code, id_digest,
                                                     id_masked, former_names, tokens, updated_at, registry_id)
                    select x.key, x.public_id, x.category, x.name, x.name_date::date, x.credit_code, x.id_digest, x.id_masked,
                           f.former, case when x.tokens_text = '' then '{}'::text[]
                                          else string_to_array(x.tokens_text, chr(31)) end, :now, x.registry_id
                      from unnest(:keys::text[], :publicIds::text[], :categories::text[], :names::text[], :dates::text[],
                                  :codes::text[], :digests::text[], :masked::text[], :formers::text[], :registryIds::bigint[], :tokens::text[])
                           as x(key, public_id, category, name, name_date, credit_code, id_digest, id_masked, former_text,
                                registry_id, tokens_text),
                           lateral (select case when x.former_text = '' then '{}'::text[]
                                                else string_to_array(x.former_text, chr(31)) end as former) f
                    on conflict (subject_key) do update set
                        name = case when excluded.name_date >= s.name_date then excluded.name else s.name end,
                        name_date = greatest(excluded.name_date, s.name_date),
                        former_names = array(select distinct n from unnest(s.former_names || excluded.former_names
                                                       || array[s.name, excluded.name]) n
                                             where n <> case when excluded.name_date >= s.name_date then excluded.name else s.name end),
                        tokens = case when s.category = 'NATURAL_PERSON' then '{}'::text[]
                                      else portal.bigrams(s.former_names || excluded.former_names || array[s.name, excluded.name]) end,
                        updated_at = excluded.updated_at,
                        registry_id = coalesce(excluded.registry_id, s.registry_id)
                     where s.name is distinct from excluded.name or not (excluded.former_names <@ s.former_names)
                           or excluded.name_date > s.name_date
                           or (excluded.registry_id is not null and s.registry_id is distinct from excluded.registry_id)
                    returning id, (xmax = 0) as created""")
                    .param("keys", keys).param("publicIds", publicIds).param("categories", categories).param("names", names)
                    .param("dates", dates).param("codes", codes).param("digests", digests).param("masked", masked)
                    .param("formers", formers).param("registryIds", registryIds).param("tokens", tokens).param("now", now)
                    .query((rs, k) -> rs.getBoolean("created") ? rs.getLong("id") : null).list()
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Under a savepoint, and once more if a concurrent writer's new subject made it fail. */
    private List<Long> againOnce(java.util.function.Supplier<List<Long>> statement) {
        org.springframework.transaction.support.TransactionTemplate savepoint =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        try {
            return savepoint.execute(status -> statement.get());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return savepoint.execute(status -> statement.get());
        }
    }

    /**
     * The bigrams of a new subject's names, cut here rather than by {@code portal.bigrams} in the statement: the same
     * bigrams (PortalTest, java_and_sql_cut_the_same_bigrams), without 25 µs of PostgreSQL's CPU per subject.
     */
    private static java.util.Set<String> bigrams(SubjectRow r) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(TokenStatistics.bigrams(r.name()));
        r.formerNames().forEach(name -> out.addAll(TokenStatistics.bigrams(name)));
        return out;
    }

    /** Joins a subject's former names (or bigrams) in one array cell: a control character no name contains. */
    private static final String FORMER_SEPARATOR = "\u001f";

    /**
     * The rows of one chunk with one row per subject: the later decision's name wins and every other name becomes a
     * former one, as two upserts one after the other would leave it.
     */
    static List<SubjectRow> merged(List<SubjectRow> rows) {
        Map<String, SubjectRow> byKey = new java.util.LinkedHashMap<>();
        for (SubjectRow r : rows) {
            byKey.merge(r.key(), r, (a, b) -> {
                SubjectRow winner = !b.nameDate().isBefore(a.nameDate()) ? b : a;
                java.util.LinkedHashSet<String> former = new java.util.LinkedHashSet<>(a.formerNames());
                former.addAll(b.formerNames());
                former.add(a.name());
                former.add(b.name());
                former.remove(winner.name());
                return new SubjectRow(winner.key(), winner.publicId(), winner.category(), winner.name(),
                        a.nameDate().isAfter(b.nameDate()) ? a.nameDate() : b.nameDate(), winner.creditCode(),
                        winner.idDigest(), winner.idMasked(), List.copyOf(former),
                        winner.registryId() != null ? winner.registryId() : a.registryId() != null ? a.registryId() : b.registryId());
            });
        }
        return new ArrayList<>(byKey.values());
    }

    private static String textArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    /**
     * Removes the subjects a rebuild did not meet ({@code seen}: the keys of those it met, in a temporary table of this
     * transaction) unless an issued report names them (kept for verification); how many went.
     */
    long removeSubjectsNotSeen(String seen) {
        generation.changed();
        return jdbc.sql("""
                delete from portal.subject s
                 where not exists (select 1 from %s k where k.subject_key = s.subject_key)
                   and not exists (select 1 from portal.report r where r.subject_id = s.id)""".formatted(seen)).update();
    }

    /** A temporary table of subject keys, dropped when the transaction ends; its name. */
    String seenKeys() {
        jdbc.sql("create temporary table if not exists portal_seen_subject (subject_key text primary key) on commit drop").update();
        return "portal_seen_subject";
    }

    void seen(String table, java.util.Collection<String> keys) {
        jdbc.sql("insert into " + table + " select unnest(:keys::text[]) on conflict do nothing")
                .param("keys", keys.toArray(String[]::new)).update();
    }

    // ---- reading

    /** A subject as the site shows it (names of natural persons are masked by the caller). */
    record Subject(long id, String publicId, SubjectCategory category, String name, String creditCode, String idMasked,
                   List<String> formerNames, Long registryId) {
    }

    private static Subject subject(ResultSet rs) throws SQLException {
        return new Subject(rs.getLong("id"), rs.getString("public_id"), SubjectCategory.valueOf(rs.getString("category")),
                rs.getString("name"), rs.getString("credit_code"), rs.getString("id_masked"),
                Arrays.asList((String[]) rs.getArray("former_names").getArray()),
                rs.getObject("registry_id", Long.class));
    }

    Optional<Subject> subjectByPublicId(String publicId) {
        return reads.jdbc().sql("select * from portal.subject where public_id = :id").param("id", publicId)
                .query((rs, n) -> subject(rs)).optional();
    }

    Optional<Subject> person(String name, String idDigest) {
        return reads.jdbc().sql("select * from portal.subject where id_digest = :digest and name = :name and category = 'NATURAL_PERSON'")
                .param("digest", idDigest).param("name", name).query((rs, n) -> subject(rs)).optional();
    }

    /** A search hit with its rank (1 exact code, 2 exact name, 3 prefix, 4 former name, 5 fragment). */
    record Hit(Subject subject, int rank) {
    }

    List<Hit> byCreditCode(String code) {
        return reads.jdbc().sql("select * from portal.subject where credit_code = :code and category <> 'NATURAL_PERSON'")
                .param("code", code).query((rs, n) -> new Hit(subject(rs), 1)).list();
    }

    /** One page of search hits and how many subjects matched in all (counted up to the cap, then "more"). */
    record Hits(List<Hit> page, long total) {
    }

    /**
     * One page of the subjects whose name or former name contains {@code fragment}, ranked: exact name, name prefix,
     * former name, fragment elsewhere, then shorter names first; with how many matched (up to {@code cap + 1}).
     * One statement, so one round trip and no transaction (each hit's public entries are counted from their producers,
     * the website's entries service).
     * Fragments (ADR 0012):
     * <ul>
     * <li>two characters, the usual search: the first {@code cap} rows of the bigram in {@code portal.subject_token},
     * a b-tree in rank order, without reading the subjects (1 ms for 有限, which 600,000 names contain);</li>
     * <li>longer and rare: the GIN index on the subjects' bigrams;</li>
     * <li>longer and common (ADR 0009): the table read until {@code cap} matches, with no bigram condition so that the
     * planner has no GIN bitmap of every match to choose. Most subjects have no former name: the {@code cardinality}
     * guard spares them the former-name subplan.</li>
     * </ul>
     */
    Hits byFragment(String fragment, int offset, int size, int cap, boolean common) {
        String like = "%" + escapeLike(fragment) + "%";
        String prefix = escapeLike(fragment) + "%";
        record Row(Hit hit, long total) {
        }
        boolean twoCharacters = fragment.codePointCount(0, fragment.length()) == 2;
        String fragmentBranch = twoCharacters ? """
                    (select t.subject_id, case when t.former then 4 else 5 end, t.name_length from portal.subject_token t
                      where t.token = (portal.bigrams(array[:q]))[1]
                      order by t.former desc, t.name_length, t.subject_id limit :cap)""" : """
                    (select s.id, case when s.name = :q then 2 when s.name like :prefix escape '\\' then 3
                                       when s.name like :like escape '\\' then 5 else 4 end, char_length(s.name)
                       from portal.subject s
                      where /*bigrams*/ s.category <> 'NATURAL_PERSON'
                        and (s.name like :like escape '\\'
                             or (cardinality(s.former_names) > 0
                                 and exists (select 1 from unnest(s.former_names) f where f like :like escape '\\')))
                      limit :cap)""".replace("/*bigrams*/", common ? "" : "s.tokens @> portal.bigrams(array[:q]) and");
        String sql = """
                with candidates as (
                    (select s.id, 2 as rank, char_length(s.name) as len from portal.subject s
                      where s.name collate "C" = :q and s.category <> 'NATURAL_PERSON' limit :cap)
                    union all
                    (select s.id, 3, char_length(s.name) from portal.subject s
                      where s.name collate "C" > :q and s.name collate "C" < :upper and s.category <> 'NATURAL_PERSON'
                      order by s.name collate "C" limit :cap)
                    union all
                /*fragment*/),
                best as (select id, min(rank) as rank, min(len) as len, count(*) over () as total
                           from candidates group by id),
                page as (select * from best order by rank, len, id limit :size offset :offset)
                select s.*, p.rank, p.total
                  from page p join portal.subject s on s.id = p.id
                 order by p.rank, p.len, p.id"""
                .replace("/*fragment*/", fragmentBranch)
                // the cap is part of the text so that the driver's cached generic plan knows it
                .replace(":cap", Integer.toString(cap + 1));
        List<Row> rows = reads.jdbc().sql(sql)
                .param("q", fragment).param("upper", fragment + "\uDBFF\uDFFF").param("prefix", prefix)
                .param("like", like).param("size", size).param("offset", offset)
                .query((rs, n) -> new Row(new Hit(subject(rs), rs.getInt("rank")),
                        rs.getLong("total"))).list();
        if (rows.isEmpty()) {
            return new Hits(List.of(), offset == 0 ? 0 : countByFragment(fragment, cap + 1));
        }
        return new Hits(rows.stream().map(Row::hit).toList(), rows.get(0).total());
    }

    /** How many subjects match, counting at most {@code cap}. */
    long countByFragment(String fragment, int cap) {
        String like = "%" + escapeLike(fragment) + "%";
        return reads.jdbc().sql("""
                select count(*) from (select 1 from portal.subject s
                 where s.tokens @> portal.bigrams(array[:q]) and s.category <> 'NATURAL_PERSON'
                   and (s.name like :like escape '\\'
                        or (cardinality(s.former_names) > 0
                                 and exists (select 1 from unnest(s.former_names) f where f like :like escape '\\')))
                 limit :cap) x""")
                .param("q", fragment).param("like", like).param("cap", cap).query(Long.class).single();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The subjects with these registry ids, by registry id. */
    Map<Long, Subject> byRegistryIds(java.util.Collection<Long> registryIds) {
        Map<Long, Subject> out = new java.util.HashMap<>();
        if (!registryIds.isEmpty()) {
            reads.jdbc().sql("select * from portal.subject where registry_id = any(:ids)")
                    .param("ids", registryIds.toArray(Long[]::new)).query((rs, n) -> subject(rs)).list()
                    .forEach(s -> out.putIfAbsent(s.registryId(), s));
        }
        return out;
    }

    Map<Long, Subject> subjects(List<Long> ids) {
        Map<Long, Subject> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            reads.jdbc().sql("select * from portal.subject where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                    .query((rs, n) -> subject(rs)).list().forEach(s -> out.put(s.id(), s));
        }
        return out;
    }

    // ---- reports

    record Report(String number, String kind, long subjectId, String subjectName, LocalDate periodFrom, LocalDate periodTo,
                  List<String> domains, Instant issuedAt, String sm3, String signature, int size) {
    }

    void saveReport(Report r) {
        jdbc.sql("""
                insert into portal.report (number, kind, subject_id, subject_name, period_from, period_to, domains,
                                           issued_at, sm3, signature, size)
                values (:number, :kind, :subject, :name, :from, :to, :domains::text[], :issued, :sm3, :signature, :size)""")
                .param("number", r.number()).param("kind", r.kind()).param("subject", r.subjectId())
                .param("name", r.subjectName()).param("from", r.periodFrom()).param("to", r.periodTo())
                .param("domains", textArray(r.domains())).param("issued", Timestamp.from(r.issuedAt()))
                .param("sm3", r.sm3()).param("signature", r.signature()).param("size", r.size()).update();
    }

    Optional<Report> report(String number) {
        return jdbc.sql("select * from portal.report where number = :number").param("number", number)
                .query((rs, n) -> new Report(rs.getString("number"), rs.getString("kind"), rs.getLong("subject_id"),
                        rs.getString("subject_name"), Optional.ofNullable(rs.getDate("period_from")).map(Date::toLocalDate).orElse(null),
                        Optional.ofNullable(rs.getDate("period_to")).map(Date::toLocalDate).orElse(null),
                        new ArrayList<>(Arrays.asList((String[]) rs.getArray("domains").getArray())),
                        rs.getTimestamp("issued_at").toInstant(), rs.getString("sm3"), rs.getString("signature"),
                        rs.getInt("size"))).optional();
    }
}
