package gongxin.lists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** List types (`docs/api.md`, "Lists"). */
@RestController
@RequestMapping("/api/v1/lists/types")
class ListTypeApi {

    private final ListTypes types;

    ListTypeApi(ListTypes types) {
        this.types = types;
    }

    @Operation(summary = "信用名单类型（严重失信与守信激励）")
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<Map<String, Object>> all() {
        return types.all().stream().map(ListTypeApi::body).toList();
    }

    @Operation(summary = "设立名单类型（信用办；严重失信名单限四个领域且须有法律依据）")
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody ListType.Draft draft) {
        return body(types.create(draft));
    }

    static Map<String, Object> body(ListType t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", t.code());
        body.put("name", t.name());
        body.put("kind", t.kind().name());
        body.put("domain", t.domain() == null ? null : t.domain().name());
        body.put("domainLabel", t.domain() == null ? null : t.domain().label);
        body.put("department", t.departmentCode());
        body.put("basis", t.basis());
        body.put("measures", t.measures());
        body.put("statementWorkingDays", t.statementWorkingDays());
        body.put("minimumMonths", t.minimumMonths());
        body.put("maximumMonths", t.maximumMonths());
        body.put("removalConditions", t.removalConditions());
        body.put("upstream", t.upstream());
        body.put("basisItems", t.acceptedBasis().items());
        body.put("basisDepartments", t.acceptedBasis().departments());
        return body;
    }
}
