package gongxin.commitments;

import java.util.ArrayList;
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
    public List<Map<String, Object>> of(long subjectId, boolean history) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        List<Map<String, Object>> out = new ArrayList<>();
        for (CommitmentRepository.Stored s : repository.ofSubject(subjectId)) {
            if (!history && s.breachRepairedOn() != null) {
                continue; // a repaired breach is no longer shared
            }
            out.add(CommitmentApi.body(s, s.breachId() == null ? java.util.Optional.empty() : repository.breachOf(s.id()), today));
        }
        return out;
    }
}
