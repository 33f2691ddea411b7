package gongxin.lists;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.shared.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The list types the credit office manages: read by everyone who works with lists, created by administrators. */
@Service
class ListTypes implements ListTypeDirectory {

    private final ListTypeRepository repository;
    private final Departments departments;
    private final AuditLog audit;
    private final Clock clock;

    ListTypes(ListTypeRepository repository, Departments departments, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    List<ListType> all() {
        return repository.all();
    }

    @Override
    public java.util.Set<String> codes() {
        return all().stream().map(ListType::code).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Checks every rule before writing anything; the creation is audited with what was created. */
    @Transactional
    ListType create(ListType.Draft draft) {
        ListType type = ListType.define(draft, code -> departments.find(code).isPresent());
        if (repository.find(type.code()).isPresent()) {
            throw new ConflictException("code", type.code(), "名单类型“" + type.code() + "”已存在");
        }
        repository.insert(type, clock.instant(), Caller.current().name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", type.name());
        details.put("kind", type.kind().name());
        details.put("domain", type.domain() == null ? null : type.domain().name());
        details.put("department", type.departmentCode());
        details.put("basis", type.basis());
        details.put("minimumMonths", type.minimumMonths());
        details.put("maximumMonths", type.maximumMonths());
        audit.record("LIST_TYPE_CREATED", "list_type", type.code(), details);
        return type;
    }
}
