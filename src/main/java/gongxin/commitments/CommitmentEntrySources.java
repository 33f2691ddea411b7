package gongxin.commitments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongxin.entries.RowEntrySource;
import gongxin.entries.CreditEntry;
import gongxin.entries.CreditEntrySource;
import gongxin.entries.EntryCategory;
import gongxin.entries.EntryDetail;
import gongxin.entries.EntryField;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryNature;
import gongxin.entries.EntryRef;
import gongxin.entries.EntryStatus;
import gongxin.entries.EntrySubject;
import gongxin.entries.PublicListing;
import gongxin.entries.RepairTerms;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.Subjects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Commitments and their breaches as credit entries. A commitment is shown (when its matter's commitments are public)
 * with its status; kept, it is trustworthiness information (守信, counted by evaluation models), and triggers no measure
 * unless one names it; a breach is dishonesty information of the matter's severity, shown and counting
 * until the last day of its window or until repaired. A breached commitment whose breach was repaired is no longer shown.
 */
@Configuration
class CommitmentEntrySources {

    @Bean
    CreditEntrySource commitmentEntries(CommitmentRepository repository, Subjects subjects, Departments departments) {
        return new CommitmentSource(repository, subjects, departments);
    }

    @Bean
    CreditEntrySource breachEntries(CommitmentRepository repository, BreachRepairs repairs, Subjects subjects) {
        return new BreachSource(repository, repairs, subjects);
    }

    private static EntrySubject subject(Subjects subjects, long subjectId, EntryDetail detail) {
        if (detail != EntryDetail.FULL) {
            return EntrySubject.ofId(subjectId);
        }
        SubjectCard s = subjects.card(subjectId).orElseThrow();
        return new EntrySubject(s.id(), s.category(), s.name(), s.creditCode(), s.idNumber(), List.of());
    }

    private static void add(List<EntryField> fields, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            fields.add(EntryField.text(name, value.toString()));
        }
    }

    /** {@code COMMITMENT}: the commitment itself. */
    static final class CommitmentSource extends RowEntrySource<CommitmentRepository.Stored> {
        private final CommitmentRepository repository;
        private final Subjects subjects;
        private final Departments departments;

        CommitmentSource(CommitmentRepository repository, Subjects subjects, Departments departments) {
            this.repository = repository;
            this.subjects = subjects;
            this.departments = departments;
        }

        @Override
        public EntryKind kind() {
            return EntryKind.COMMITMENT;
        }

        @Override
        protected Optional<CommitmentRepository.Stored> load(long id) {
            return repository.find(id);
        }

        @Override
        protected List<Long> ids() {
            return repository.allIds();
        }

        @Override
        protected List<CommitmentRepository.Stored> loadOfSubjects(java.util.Collection<Long> subjectIds) {
            return repository.ofSubjects(subjectIds);
        }

        @Override
        protected List<CommitmentRepository.Stored> loadOfSubject(long subjectId) {
            return repository.ofSubject(subjectId);
        }

        @Override
        protected List<CommitmentRepository.Stored> loadLatestPublic(PublicListing listing) {
            return listing.category() != EntryCategory.COMMITMENT ? List.of() : repository.latestPublic(listing.codes(),
                    listing.department(), listing.from(), listing.to(), listing.limit());
        }

        @Override
        public RepairTerms repairTerms(long id) {
            return RepairTerms.notRepairable("信用承诺本身无需修复；未履行承诺被认定失信的，请对该失信承诺记录申请信用修复");
        }

        @Override
        public void repair(long id, Caller caller, String applicationNumber, LocalDate decidedOn) {
            // rights asks repairTerms first, which says why: a commitment itself is never repaired, its breach is
            throw RepairTerms.notRepairable("信用承诺本身无需修复").refusal(EntryRef.of(EntryKind.COMMITMENT, id));
        }

        @Override
        protected CreditEntry entry(CommitmentRepository.Stored s, EntryDetail detail) {
            Commitment c = s.commitment();
            boolean repaired = s.breachRepairedOn() != null;
            EntryStatus status = c.status() == Commitment.Status.WITHDRAWN ? EntryStatus.REMOVED
                    : repaired ? EntryStatus.REPAIRED : EntryStatus.PUBLISHED;
            List<EntryField> fields = new ArrayList<>();
            if (detail == EntryDetail.FULL) {
                add(fields, "承诺类型", c.type().label());
                add(fields, "承诺编号", s.number());
                add(fields, "受理部门", departments.nameOf(c.department()));
                add(fields, "签署日期", c.signedOn());
                add(fields, "核查期限", c.verifyBy().date());
                add(fields, "履约状态", c.status().label());
                if (c.finding() != null) {
                    add(fields, "核查日期", c.finding().decidedOn());
                }
            }
            return new CreditEntry(EntryRef.of(EntryKind.COMMITMENT, s.id()), subject(subjects, c.subjectId(), detail), c.matter(),
                    s.matterName(), EntryCategory.COMMITMENT, null, c.publicCommitment(), c.department(), s.number(), c.signedOn(),
                    null, c.status() == Commitment.Status.KEPT ? EntryNature.TRUSTWORTHY : EntryNature.NEUTRAL, null, false, status, null, null, null, null, null, null, false, false, fields);
        }
    }

    /** {@code COMMITMENT_BREACH}: a breach (失诺), dishonesty information. */
    static final class BreachSource extends RowEntrySource<Breach> {
        private final CommitmentRepository repository;
        private final BreachRepairs repairs;
        private final Subjects subjects;

        BreachSource(CommitmentRepository repository, BreachRepairs repairs, Subjects subjects) {
            this.repository = repository;
            this.repairs = repairs;
            this.subjects = subjects;
        }

        @Override
        public EntryKind kind() {
            return EntryKind.COMMITMENT_BREACH;
        }

        @Override
        protected Optional<Breach> load(long id) {
            return repository.breach(id);
        }

        @Override
        protected List<Long> ids() {
            return repository.allBreachIds();
        }

        @Override
        protected List<Breach> loadOfSubjects(java.util.Collection<Long> subjectIds) {
            return repository.breachesOf(subjectIds);
        }

        @Override
        protected List<Breach> loadOfSubject(long subjectId) {
            return repository.breachesOf(subjectId);
        }

        @Override
        protected List<Breach> loadLatestPublic(PublicListing listing) {
            return listing.category() != EntryCategory.COMMITMENT ? List.of() : repository.latestPublicBreaches(
                    listing.codes(), listing.department(), listing.from(), listing.to(), listing.day(), listing.limit());
        }

        @Override
        public RepairTerms repairTerms(long id) {
            return repairs.repairTerms(id);
        }

        @Override
        public void repair(long id, Caller caller, String applicationNumber, LocalDate decidedOn) {
            repairs.repairBreach(id, caller, applicationNumber, decidedOn);
        }

        @Override
        public void revokeRepair(long id, Caller caller, String applicationNumber, LocalDate on, String reason) {
            repairs.revokeRepair(id, caller, applicationNumber, on, reason);
        }

        @Override
        protected CreditEntry entry(Breach b, EntryDetail detail) {
            List<EntryField> fields = new ArrayList<>();
            if (detail == EntryDetail.FULL) {
                add(fields, "承诺事项", b.matterName());
                add(fields, "承诺编号", b.commitmentNumber());
                add(fields, "承诺日期", b.signedOn());
                add(fields, "失信情形", b.finding());
                add(fields, "失信程度", b.severity().label());
                add(fields, "认定文书号", b.documentNumber());
                add(fields, "认定日期", b.decidedOn());
            }
            return new CreditEntry(EntryRef.of(EntryKind.COMMITMENT_BREACH, b.id()), subject(subjects, b.subjectId(), detail),
                    b.matter(), "未履行信用承诺：" + b.matterName(), EntryCategory.COMMITMENT, null, true, b.department(),
                    b.documentNumber(), b.decidedOn(), b.severity().name(), EntryNature.DISHONESTY, null, false,
                    b.repaired() ? EntryStatus.REPAIRED : EntryStatus.PUBLISHED, null, b.windowEnd(), b.countsUntil(),
                    b.repaired() ? "REPAIRED" : null, null, null, true, false, fields);
        }
    }
}
