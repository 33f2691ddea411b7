package gongxin.sharing;

import java.util.Locale;

import gongxin.identity.Caller;
import gongxin.identity.Scope;
import gongxin.measures.Measures;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import gongxin.subjects.LookUpPolicy;
import org.springframework.stereotype.Component;

/**
 * The duty a system needs for a non-public read: the matter named, in the matter catalogue, and in its department's
 * sharing duties. A subject look-up by a system that may run checks stays open to it without a matter (a check's own
 * look-up); a system that only shares needs the duty, as a SPECIAL report does for every system.
 */
@Component
class DutyGuard implements Duties, LookUpPolicy {

    private final SharingRepository repository;
    private final Measures measures;

    DutyGuard(SharingRepository repository, Measures measures) {
        this.repository = repository;
        this.measures = measures;
    }

    @Override
    public void require(Caller caller, String matter) {
        String m = knownMatter(matter, "matter-required", "系统查询非公开信息须写明办理的事项（matter），按共享责任清单提供");
        if (duty(caller, m).isEmpty()) {
            throw NotPermittedException.of("matter", m, "not-in-duty", "本部门的共享责任清单中没有事项 " + m + "，不能查询（按需共享）");
        }
    }

    /** The matter as the catalogue names it; refused when none is named ({@code missingRule}) or it is unknown. */
    String knownMatter(String matter, String missingRule, String missingMessage) {
        String m = matter == null ? null : matter.strip().toUpperCase(Locale.ROOT);
        if (Text.isBlank(m)) {
            throw RuleViolationException.of("matter", null, missingRule, missingMessage);
        }
        if (measures.matter(m).isEmpty()) {
            throw RuleViolationException.of("matter", m, "unknown-matter", "事项目录中没有 " + m);
        }
        return m;
    }

    /** The caller's department's duty for a known matter, if it has one. */
    java.util.Optional<Duty> duty(Caller caller, String matter) {
        return caller.departmentCode() == null ? java.util.Optional.empty() : repository.duty(caller.departmentCode(), matter);
    }

    @Override
    public void check(Caller caller, String matter) {
        if (caller.kind() != Caller.Kind.API_CLIENT) {
            return; // staff at a window, for the subject before them
        }
        if (caller.scopes().contains(Scope.CHECK) && Text.isBlank(matter)) {
            return;
        }
        require(caller, matter);
    }
}
