package gongxin.measures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.shared.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The matter catalog and the measure lists (`docs/api.md`, "Checks"). */
@RestController
class MeasureApi {

    private final MeasureService measures;

    MeasureApi(MeasureService measures) {
        this.measures = measures;
    }

    @Operation(summary = "联合奖惩核查事项目录")
    @GetMapping("/api/v1/checks/matters")
    @PreAuthorize("isAuthenticated()")
    List<Matter> matters() {
        return measures.matters();
    }

    @Operation(summary = "奖惩措施清单（可按事项筛选）")
    @GetMapping("/api/v1/measures")
    @PreAuthorize("isAuthenticated()")
    List<Map<String, Object>> list(@RequestParam(required = false) String matter) {
        if (matter != null && measures.matter(matter).isEmpty()) {
            throw RuleViolationException.of("matter", matter, "unknown-matter", "事项不在事项目录中");
        }
        return measures.forMatter(matter).stream().map(MeasureApi::body).toList();
    }

    @Operation(summary = "设立或修改一项措施（信用办）")
    @PutMapping("/api/v1/measures/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> save(@PathVariable String code, @RequestBody Measure.Draft draft) {
        if (draft.code() != null && !draft.code().equalsIgnoreCase(code)) {
            throw RuleViolationException.of("code", draft.code(), "code-mismatch", "请求体中的措施代码与路径不一致");
        }
        return body(measures.save(new Measure.Draft(code, draft.name(), draft.kind(), draft.category(), draft.source(),
                draft.content(), draft.target(), draft.basis(), draft.implementedBy(), draft.mandatory(), draft.example(),
                draft.listTypes(), draft.recordItems(), draft.severities(), draft.matters(), draft.effectiveFrom(),
                draft.withdrawnOn(), draft.breachMatters(), draft.grades(), draft.withinMonths(), draft.reachesRepresentatives())));
    }

    @Operation(summary = "导出措施清单（XLSX）")
    @GetMapping("/api/v1/measures/workbook")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> export() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MeasureWorkbook.write(measures.all(), out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"measures.xlsx\"")
                .body(out.toByteArray());
    }

    @Operation(summary = "导入措施清单（XLSX 或 CSV；全部通过才写入）")
    @PostMapping(path = "/api/v1/measures/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Integer> importWorkbook(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return measures.importAll(MeasureWorkbook.read(in));
        }
    }

    static Map<String, Object> body(Measure m) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("code", m.code());
        b.put("name", m.name());
        b.put("kind", m.kind().name());
        b.put("category", m.category());
        b.put("source", m.source().name());
        b.put("mandatory", m.mandatory());
        b.put("example", m.example());
        b.put("content", m.content());
        b.put("target", m.target());
        b.put("basis", m.basis());
        b.put("implementedBy", m.implementedBy());
        Map<String, Object> triggers = new LinkedHashMap<>();
        triggers.put("listTypes", m.listTypes());
        triggers.put("recordItems", m.recordItems());
        triggers.put("severities", m.severities());
        triggers.put("breachMatters", m.breachMatters());
        triggers.put("grades", m.grades());
        triggers.put("withinMonths", m.withinMonths());
        triggers.put("reachesRepresentatives", m.reachesRepresentatives());
        b.put("triggers", triggers);
        b.put("matters", m.matters());
        b.put("effectiveFrom", m.effectiveFrom());
        b.put("withdrawnOn", m.withdrawnOn());
        return b;
    }
}
