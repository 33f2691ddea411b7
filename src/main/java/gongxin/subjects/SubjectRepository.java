package gongxin.subjects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import gongxin.shared.SubjectCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubjectRepository {

    /** A subject as stored; the ID number only as cipher text and digest. */
    record Subject(long id, SubjectCategory category, String name, List<String> formerNames, String creditCode,
                   boolean pilotEra, String idDigest, String idCipher, String legalRepName, Long legalRepSubjectId,
                   List<String> formerCodes) {
    }

    private final JdbcClient jdbc;

    SubjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("select id from subjects.subject where id > ? order by id limit ?").params(afterId, limit)
                .query(Long.class).list();
    }

    Optional<Subject> byId(long id) {
        return jdbc.sql("select * from subjects.subject where id = ?").param(id).query(SubjectRepository::map).optional();
    }

    List<Subject> byIds(java.util.Collection<Long> ids) {
        return jdbc.sql("select * from subjects.subject where id = any(?)").param(ids.toArray(Long[]::new))
                .query(SubjectRepository::map).list();
    }

    Optional<Subject> byCreditCode(String code) {
        return jdbc.sql("select * from subjects.subject where credit_code = ?").param(code).query(SubjectRepository::map).optional();
    }

    List<Subject> byCreditCodes(List<String> codes) {
        return codes.isEmpty() ? List.of() : jdbc.sql("select * from subjects.subject where credit_code = any(:codes)")
                .param("codes", codes.toArray(String[]::new)).query(SubjectRepository::map).list();
    }

    List<Subject> byIdDigests(List<String> digests) {
        return digests.isEmpty() ? List.of() : jdbc.sql("select * from subjects.subject where id_digest = any(:digests)")
                .param("digests", digests.toArray(String[]::new)).query(SubjectRepository::map).list();
    }

    Optional<Subject> byIdDigest(String digest) {
        return jdbc.sql("select * from subjects.subject where id_digest = ?").param(digest).query(SubjectRepository::map).optional();
    }

    /** The organisation known by one of these former codes ("工商注册号:…"); the first if, wrongly, several are. */
    Optional<Subject> byFormerCode(List<String> codes) {
        return jdbc.sql("select * from subjects.subject where former_codes && :codes::text[] order by id limit 1")
                .param("codes", codes.toArray(String[]::new)).query(SubjectRepository::map).optional();
    }

    /** The organisations whose legal representative the person is (落实到人: from the person to the companies). */
    List<Subject> represented(long personId) {
        return jdbc.sql("select * from subjects.subject where legal_rep_subject_id = ? order by name")
                .param(personId).query(SubjectRepository::map).list();
    }

    private static Subject map(ResultSet rs, int row) throws SQLException {
        Long rep = (Long) rs.getObject("legal_rep_subject_id");
        return new Subject(rs.getLong("id"), SubjectCategory.valueOf(rs.getString("category")), rs.getString("name"),
                Arrays.asList((String[]) rs.getArray("former_names").getArray()), rs.getString("credit_code"),
                rs.getBoolean("pilot_era"), rs.getString("id_digest"), rs.getString("id_cipher"),
                rs.getString("legal_rep_name"), rep, Arrays.asList((String[]) rs.getArray("former_codes").getArray()));
    }
}
