package gongxin.commitments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.subjects.SubjectHoldings;
import org.springframework.stereotype.Component;

/** A subject's commitments, with their status and breach, for the subject look-up (part {@code commitments}). */
@Component
class CommitmentHoldings implements SubjectHoldings {

    private final CommitmentRepository repository;
    private final java.time.Clock clock;

    CommitmentHoldings(CommitmentRepository repository, java.time.Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public String part() {
        return "commitments";
    }

    @Override
    public List<Map<String, Object>> of(long subjectId) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        List<Map<String, Object>> out = new ArrayList<>();
        for (CommitmentRepository.Stored s : repository.ofSubject(subjectId)) {
            Commitment c = s.commitment();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("number", s.number());
            m.put("matter", c.matter());
            m.put("matterName", s.matterName());
            m.put("type", c.type().name());
            m.put("department", c.department());
            m.put("signedOn", c.signedOn());
            m.put("verifyBy", c.verifyBy().date());
            m.put("status", c.status().name());
            m.put("overdue", c.overdue(today));
            m.put("breach", repository.breachOf(s.id()).map(CommitmentApi::breach).orElse(null));
            out.add(m);
        }
        return out;
    }
}
