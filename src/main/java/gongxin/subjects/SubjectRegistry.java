package gongxin.subjects;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.platform.KeyRing;
import gongxin.shared.CreditCode;
import gongxin.shared.IdNumber;
import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps one subject per credit code and per ID number. Each call upserts the distinct subjects of a chunk of records
 * in two statements (persons first, so that organisations can point at their legal representatives). A name is taken
 * from the newest decision; the names it replaces, or older ones arriving later, are kept as former names.
 */
@Service
class SubjectRegistry implements Subjects {

    private static final String NAME_RULES = """
            former_names = case
                when excluded.name = s.name then s.former_names
                when excluded.name_as_of >= s.name_as_of then array_remove(
                    case when s.name = any(s.former_names) then s.former_names else array_append(s.former_names, s.name) end,
                    excluded.name)
                when excluded.name = any(s.former_names) then s.former_names
                else array_append(s.former_names, excluded.name) end,
            name = case when excluded.name_as_of >= s.name_as_of then excluded.name else s.name end,
            name_as_of = greatest(s.name_as_of, excluded.name_as_of),
            first_seen = least(s.first_seen, excluded.first_seen),
            updated_at = excluded.updated_at""";

    private final JdbcClient jdbc;
    private final SubjectRepository repository;
    private final KeyRing keys;
    private final Clock clock;

    SubjectRegistry(JdbcClient jdbc, SubjectRepository repository, KeyRing keys, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.keys = keys;
        this.clock = clock;
    }

    /** What one statement upserts for one key: the newest name, the earliest date. */
    private static final class Row {
        String name;
        LocalDate asOf;
        LocalDate first;
        String cipher;
        String category;
        boolean pilotEra;
        String legalRepName;
        String legalRepDigest;
        final java.util.Set<String> formerCodes = new java.util.LinkedHashSet<>();
        /** Every representative the claims name, by the decision date that names them: {name, ID digest or null}. */
        final java.util.TreeMap<LocalDate, String[]> representatives = new java.util.TreeMap<>();

        void see(String name, LocalDate asOf) {
            if (this.asOf == null || !asOf.isBefore(this.asOf)) {
                this.name = name;
                this.asOf = asOf;
            }
            first = first == null || asOf.isBefore(first) ? asOf : first;
        }
    }

    String digest(String idNumber) {
        return keys.lookupDigest(Text.normalizeIdentifier(idNumber));
    }

    @Override
    public List<Long> idsAfter(long afterId, int limit) {
        return repository.idsAfter(afterId, limit);
    }

    @Override
    public Optional<SubjectCard> find(SubjectReference reference) {
        return stored(reference).map(this::card);
    }

    @Override
    public List<Optional<SubjectCard>> findAll(List<SubjectReference> references) {
        // checked one by one first, so that a malformed reference is refused before anything is read
        List<String> codes = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        Object[] keys = new Object[references.size()];
        for (int i = 0; i < references.size(); i++) {
            SubjectReference r = references.get(i);
            if (r == null) {
                throw RuleViolationException.of("subjects[" + i + "]", null, "subject-required", "请给出统一社会信用代码，或自然人的姓名与身份证号码");
            }
            if (!Text.isBlank(r.creditCode())) {
                var strict = CreditCode.check(r.creditCode());
                if (!strict.valid()) {
                    var v = strict.violation("subjects[" + i + "].creditCode");
                    throw new RuleViolationException(v);
                }
                keys[i] = strict.value().value();
                codes.add(strict.value().value());
            } else if (!Text.isBlank(r.idNumber()) && !Text.isBlank(r.name())) {
                String normalized = Text.normalizeIdentifier(r.idNumber());
                if (!IdNumber.check(normalized).valid()) {
                    throw RuleViolationException.of("subjects[" + i + "].idNumber", null, "id-number", "身份证号码无效");
                }
                String digest = digest(normalized);
                keys[i] = new String[]{digest, Text.normalizeName(r.name())};
                digests.add(digest);
            } else {
                throw RuleViolationException.of("subjects[" + i + "]", null, "subject-required", "请给出统一社会信用代码，或自然人的姓名与身份证号码");
            }
        }
        java.util.Map<String, SubjectRepository.Subject> byCode = new java.util.HashMap<>();
        repository.byCreditCodes(codes).forEach(s -> byCode.put(s.creditCode(), s));
        java.util.Map<String, SubjectRepository.Subject> byDigest = new java.util.HashMap<>();
        repository.byIdDigests(digests).forEach(s -> byDigest.put(s.idDigest(), s));
        List<Optional<SubjectCard>> out = new ArrayList<>();
        for (Object key : keys) {
            if (key instanceof String code) {
                out.add(Optional.ofNullable(byCode.get(code)).map(this::card));
            } else {
                String[] person = (String[]) key;
                out.add(Optional.ofNullable(byDigest.get(person[0]))
                        .filter(s -> Text.normalizeName(s.name()).equals(person[1])
                                || s.formerNames().stream().map(Text::normalizeName).anyMatch(person[1]::equals))
                        .map(this::card));
            }
        }
        return out;
    }

    @Override
    public Optional<SubjectCard> card(long id) {
        return repository.byId(id).map(this::card);
    }

    @Override
    public Map<Long, SubjectCard> cards(java.util.Collection<Long> ids) {
        Map<Long, SubjectCard> out = new HashMap<>();
        if (!ids.isEmpty()) {
            repository.byIds(ids).forEach(s -> out.put(s.id(), card(s)));
        }
        return out;
    }

    /** See {@link Subjects#find}; the stored row, for the look-up that answers more than a card. */
    Optional<SubjectRepository.Subject> stored(SubjectReference r) {
        if (r == null) {
            throw RuleViolationException.of("subject", null, "subject-required", "请给出统一社会信用代码，或自然人的姓名与身份证号码");
        }
        if (!Text.isBlank(r.formerCode())) {
            String code = Text.normalizeIdentifier(r.formerCode());
            return repository.byFormerCode(SubjectClaim.FORMER_CODE_KINDS.stream().map(k -> k + ":" + code).toList());
        }
        if (!Text.isBlank(r.creditCode())) {
            var strict = CreditCode.check(r.creditCode());
            if (strict.valid()) {
                return repository.byCreditCode(strict.value().value());
            }
            // a pilot-era code that fails the check is found only if records were accepted under it explicitly
            Optional<SubjectRepository.Subject> pilot = repository.byCreditCode(Text.normalizeIdentifier(r.creditCode()))
                    .filter(SubjectRepository.Subject::pilotEra);
            if (pilot.isEmpty()) {
                throw new RuleViolationException(strict.violation("creditCode"));
            }
            return pilot;
        }
        if (!Text.isBlank(r.idNumber()) && !Text.isBlank(r.name())) {
            String normalized = Text.normalizeIdentifier(r.idNumber());
            if (!IdNumber.check(normalized).valid() && !normalized.matches("[0-9A-Z]{6,30}")) {
                throw RuleViolationException.of("idNumber", null, "id-number", "证件号码格式不正确");
            }
            String wanted = Text.normalizeName(r.name());
            return repository.byIdDigest(digest(normalized))
                    .filter(s -> Text.normalizeName(s.name()).equals(wanted)
                            || s.formerNames().stream().map(Text::normalizeName).anyMatch(wanted::equals));
        }
        throw RuleViolationException.of("subject", null, "subject-required", "请给出统一社会信用代码，或自然人的姓名与身份证号码");
    }

    private SubjectCard card(SubjectRepository.Subject s) {
        String id = s.idCipher() == null ? null : keys.reveal(s.idCipher());
        return new SubjectCard(s.id(), s.category(), s.name(), s.creditCode(), s.idDigest(), id,
                id == null ? null : IdNumber.masked(id), s.legalRepName(), s.legalRepSubjectId());
    }

    @Override
    public long[] resolve(List<SubjectClaim> claims) {
        Map<String, Row> persons = new LinkedHashMap<>();
        Map<String, Row> organisations = new LinkedHashMap<>();
        String[] keyOf = new String[claims.size()];
        for (int i = 0; i < claims.size(); i++) {
            SubjectClaim c = claims.get(i);
            if (!c.identifies()) {
                continue;
            }
            if (c.category() == SubjectCategory.NATURAL_PERSON) {
                String digest = digest(c.idNumber());
                person(persons, digest, c.idNumber(), c.name(), c.asOf());
                keyOf[i] = "P" + digest;
            } else {
                String code = Text.normalizeIdentifier(c.creditCode());
                Row row = organisations.computeIfAbsent(code, k -> new Row());
                LocalDate before = row.asOf;
                row.see(Text.clean(c.name()), c.asOf());
                row.formerCodes.addAll(c.formerCodes());
                if (!Text.isBlank(c.legalRepresentativeName())) {
                    String repDigest = Text.isBlank(c.legalRepresentativeIdNumber()) ? null : digest(c.legalRepresentativeIdNumber());
                    if (repDigest != null) {
                        person(persons, repDigest, c.legalRepresentativeIdNumber(), Text.clean(c.legalRepresentativeName()), c.asOf());
                    }
                    row.representatives.put(c.asOf(), new String[]{Text.clean(c.legalRepresentativeName()), repDigest});
                }
                if (before == null || !c.asOf().isBefore(before)) {
                    row.category = c.category().name();
                    row.pilotEra = c.pilotEra();
                    row.legalRepName = Text.isBlank(c.legalRepresentativeName()) ? null : Text.clean(c.legalRepresentativeName());
                    row.legalRepDigest = null;
                    if (row.legalRepName != null && !Text.isBlank(c.legalRepresentativeIdNumber())) {
                        row.legalRepDigest = digest(c.legalRepresentativeIdNumber());
                        person(persons, row.legalRepDigest, c.legalRepresentativeIdNumber(), row.legalRepName, c.asOf());
                    }
                }
                keyOf[i] = "C" + code;
            }
        }
        Map<String, Long> ids = new HashMap<>();
        upsertPersons(persons, ids);
        Map<String, Object[]> representedBefore = representativesBefore(organisations);
        upsertOrganisations(organisations, ids);
        recordRepresentativeChanges(organisations, representedBefore, ids);
        long[] out = new long[claims.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = keyOf[i] == null ? 0 : ids.get(keyOf[i]);
        }
        return out;
    }

    /** The organisations' representatives as stored before this batch: credit code → {id, name, person id, first seen}. */
    private Map<String, Object[]> representativesBefore(Map<String, Row> organisations) {
        Map<String, Object[]> before = new HashMap<>();
        List<String> codes = organisations.entrySet().stream().filter(e -> !e.getValue().representatives.isEmpty())
                .map(Map.Entry::getKey).toList();
        if (codes.isEmpty()) {
            return before;
        }
        jdbc.sql("""
                select credit_code, id, legal_rep_name, legal_rep_subject_id, first_seen,
                       exists (select 1 from subjects.legal_representative r where r.organisation_id = s.id) as has_history
                  from subjects.subject s where credit_code = any(:codes) and legal_rep_name is not null""")
                .param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> before.put(rs.getString(1), new Object[]{rs.getLong(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getObject(5, LocalDate.class), rs.getBoolean(6)}))
                .list();
        return before;
    }

    /**
     * Keeps who represented an organisation when (落实到人 on the day asked): when the claims name a representative other
     * than the one stored, or several, the history is written (the stored one from the day the organisation was first
     * seen, if it has no history yet; then each name from the first decision date that names it). An organisation
     * whose representative never changed writes nothing: its subject row answers for every day.
     */
    private void recordRepresentativeChanges(Map<String, Row> organisations, Map<String, Object[]> before, Map<String, Long> ids) {
        // one row per organisation and day (a statement may not update a row twice)
        Map<String, Object[]> rows = new java.util.LinkedHashMap<>();
        organisations.forEach((code, row) -> {
            if (row.representatives.isEmpty()) {
                return;
            }
            Object[] stored = before.get(code);
            java.util.Set<String> seen = new java.util.HashSet<>();
            row.representatives.values().forEach(r -> seen.add(r[0]));
            boolean changed = stored != null ? !seen.equals(java.util.Set.of((String) stored[1])) || (Boolean) stored[4] : seen.size() > 1;
            if (!changed) {
                return;
            }
            long orgId = ids.get("C" + code);
            if (stored != null && !(Boolean) stored[4]) {
                rows.put(orgId + "|" + stored[3], new Object[]{orgId, stored[3].toString(), stored[1], stored[2]});
            }
            String previous = null;
            for (Map.Entry<LocalDate, String[]> e : row.representatives.entrySet()) {
                if (e.getValue()[0].equals(previous)) {
                    continue; // the same representative again: its first date is what counts
                }
                previous = e.getValue()[0];
                rows.put(orgId + "|" + e.getKey(), new Object[]{orgId, e.getKey().toString(), e.getValue()[0],
                        e.getValue()[1] == null ? null : ids.get("P" + e.getValue()[1])});
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(rows.values());
        jdbc.sql("""
                insert into subjects.legal_representative (organisation_id, since, name, person_id)
                select x.org, x.since::date, x.name, x.person
                  from unnest(:orgs::bigint[], :since::text[], :names::text[], :persons::bigint[]) as x(org, since, name, person)
                 -- not when the history already has this representative on that day
                 where x.name is distinct from (select r.name from subjects.legal_representative r
                                                 where r.organisation_id = x.org and r.since <= x.since::date
                                                 order by r.since desc limit 1)
                on conflict (organisation_id, since) do update set name = excluded.name,
                    person_id = coalesce(excluded.person_id, legal_representative.person_id)""")
                .param("orgs", values.stream().map(v -> (Long) v[0]).toArray(Long[]::new))
                .param("since", values.stream().map(v -> (String) v[1]).toArray(String[]::new))
                .param("names", values.stream().map(v -> (String) v[2]).toArray(String[]::new))
                .param("persons", values.stream().map(v -> (Long) v[3]).toArray(Long[]::new)).update();
    }

    private void person(Map<String, Row> persons, String digest, String idNumber, String name, LocalDate asOf) {
        Row row = persons.computeIfAbsent(digest, k -> new Row());
        row.see(Text.clean(name), asOf);
        if (row.cipher == null) {
            row.cipher = keys.protect(Text.normalizeIdentifier(idNumber));
        }
    }

    private void upsertPersons(Map<String, Row> persons, Map<String, Long> ids) {
        if (persons.isEmpty()) {
            return;
        }
        List<String> digests = new ArrayList<>(persons.keySet());
        jdbc.sql("""
                insert into subjects.subject as s (category, name, name_as_of, id_digest, id_cipher, first_seen, updated_at)
                select 'NATURAL_PERSON', x.name, x.as_of::date, x.digest, x.cipher, x.first::date, :now
                  from unnest(:names::text[], :asOf::text[], :digests::text[], :ciphers::text[], :firsts::text[])
                       as x(name, as_of, digest, cipher, first)
                on conflict (id_digest) where id_digest is not null do update set
                """ + NAME_RULES + """

                returning id, id_digest""")
                .param("names", digests.stream().map(d -> persons.get(d).name).toArray(String[]::new))
                .param("asOf", digests.stream().map(d -> persons.get(d).asOf.toString()).toArray(String[]::new))
                .param("digests", digests.toArray(String[]::new))
                .param("ciphers", digests.stream().map(d -> persons.get(d).cipher).toArray(String[]::new))
                .param("firsts", digests.stream().map(d -> persons.get(d).first.toString()).toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> ids.put("P" + rs.getString("id_digest"), rs.getLong("id"))).list();
    }

    private void upsertOrganisations(Map<String, Row> organisations, Map<String, Long> ids) {
        if (organisations.isEmpty()) {
            return;
        }
        List<String> codes = new ArrayList<>(organisations.keySet());
        jdbc.sql("""
                insert into subjects.subject as s (category, name, name_as_of, credit_code, pilot_era, legal_rep_name,
                                                   legal_rep_subject_id, first_seen, updated_at, former_codes)
                select x.category, x.name, x.as_of::date, x.code, x.pilot, x.rep, x.rep_id, x.first::date, :now,
                       coalesce(string_to_array(nullif(x.former, ''), '|'), '{}')
                  from unnest(:categories::text[], :names::text[], :asOf::text[], :codes::text[], :pilots::boolean[],
                              :reps::text[], :repIds::bigint[], :firsts::text[], :formers::text[])
                       as x(category, name, as_of, code, pilot, rep, rep_id, first, former)
                on conflict (credit_code) where credit_code is not null do update set
                """ + NAME_RULES + """
                ,
                    category = case when excluded.name_as_of >= s.name_as_of then excluded.category else s.category end,
                    pilot_era = excluded.pilot_era and s.pilot_era,
                    legal_rep_name = case when excluded.name_as_of >= s.name_as_of
                                          then coalesce(excluded.legal_rep_name, s.legal_rep_name) else s.legal_rep_name end,
                    legal_rep_subject_id = case when excluded.name_as_of >= s.name_as_of and excluded.legal_rep_name is not null
                                                then excluded.legal_rep_subject_id else s.legal_rep_subject_id end,
                    former_codes = case when excluded.former_codes <@ s.former_codes then s.former_codes
                                        else array(select distinct c from unnest(s.former_codes || excluded.former_codes) c order by c) end
                returning id, credit_code""")
                .param("categories", codes.stream().map(c -> organisations.get(c).category).toArray(String[]::new))
                .param("names", codes.stream().map(c -> organisations.get(c).name).toArray(String[]::new))
                .param("asOf", codes.stream().map(c -> organisations.get(c).asOf.toString()).toArray(String[]::new))
                .param("codes", codes.toArray(String[]::new))
                .param("pilots", codes.stream().map(c -> organisations.get(c).pilotEra).toArray(Boolean[]::new))
                .param("reps", codes.stream().map(c -> organisations.get(c).legalRepName).toArray(String[]::new))
                .param("repIds", codes.stream().map(c -> Optional.ofNullable(organisations.get(c).legalRepDigest)
                        .map(d -> ids.get("P" + d)).orElse(null)).toArray(Long[]::new))
                .param("firsts", codes.stream().map(c -> organisations.get(c).first.toString()).toArray(String[]::new))
                .param("formers", codes.stream().map(c -> String.join("|", organisations.get(c).formerCodes)).toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> ids.put("C" + rs.getString("credit_code"), rs.getLong("id"))).list();
    }

    @Override
    public Map<Long, Long> representativesOn(java.util.Collection<Long> organisationIds, LocalDate day) {
        Map<Long, Long> out = new HashMap<>();
        if (organisationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select s.id, s.legal_rep_subject_id, b.found as before_found, b.person_id as before_person,
                       f.found as first_found, f.person_id as first_person
                  from subjects.subject s
                  left join lateral (select true as found, r.person_id from subjects.legal_representative r
                                      where r.organisation_id = s.id and r.since <= :day order by r.since desc limit 1) b on true
                  left join lateral (select true as found, r.person_id from subjects.legal_representative r
                                      where r.organisation_id = s.id order by r.since limit 1) f on true
                 where s.id = any(:ids) and s.credit_code is not null""")
                .param("ids", organisationIds.toArray(Long[]::new)).param("day", day)
                .query((rs, n) -> {
                    Long person = rs.getObject("before_found") != null ? rs.getObject("before_person", Long.class)
                            : rs.getObject("first_found") != null ? rs.getObject("first_person", Long.class)
                            : rs.getObject("legal_rep_subject_id", Long.class);
                    if (person != null) {
                        out.put(rs.getLong("id"), person);
                    }
                    return null;
                }).list();
        return out;
    }

    @Override
    public Map<Long, List<Long>> representedOn(java.util.Collection<Long> personIds, LocalDate day) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        // every organisation any of them ever represented, then who represented it that day: two statements for a batch
        java.util.Set<Long> candidates = new java.util.TreeSet<>();
        jdbc.sql("""
                select organisation_id from subjects.legal_representative where person_id = any(:persons)
                union
                select id from subjects.subject where legal_rep_subject_id = any(:persons)""")
                .param("persons", personIds.toArray(Long[]::new)).query(Long.class).list().forEach(candidates::add);
        representativesOn(candidates, day).forEach((organisation, person) -> {
            if (personIds.contains(person)) {
                out.computeIfAbsent(person, k -> new ArrayList<>()).add(organisation);
            }
        });
        out.values().forEach(java.util.Collections::sort);
        return out;
    }
}
