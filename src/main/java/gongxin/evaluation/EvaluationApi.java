package gongxin.evaluation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.identity.Caller;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolationException;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.SubjectReference;
import gongxin.subjects.Subjects;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluation through the API (docs/api.md, "Evaluation and classified supervision"): the credit office keeps the
 * models; staff and systems with {@code share} or {@code check} read a subject's grade with its explanation, with a
 * declared purpose, audited.
 */
@RestController
@RequestMapping("/api/v1/evaluation")
class EvaluationApi {

    static final String READERS = "hasAnyAuthority('SCOPE_share', 'SCOPE_check') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')";

    private final Evaluations evaluations;
    private final Subjects subjects;
    private final AuditLog audit;
    private final java.time.Clock clock;

    EvaluationApi(Evaluations evaluations, Subjects subjects, AuditLog audit, java.time.Clock clock) {
        this.evaluations = evaluations;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "设立评价模型或其新版本（信用办；新版本自其适用日期起适用，不改写已作出的评价）")
    @PutMapping("/models/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    EvaluationModel putModel(@PathVariable String code, @RequestBody(required = false) EvaluationModel.Draft draft) {
        return evaluations.putModel(Caller.current(), code, draft);
    }

    @Operation(summary = "评价模型（每个版本）")
    @GetMapping("/models")
    @PreAuthorize("isAuthenticated()")
    List<EvaluationModel> models() {
        return evaluations.models();
    }

    @Operation(summary = "主体的公共信用综合评价：分数、等级及逐项说明（须说明查询目的）")
    @GetMapping("/subjects")
    @PreAuthorize(READERS)
    Map<String, Object> subject(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                                @RequestParam(required = false) String idNumber, @RequestParam(required = false) LocalDate asOf,
                                HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null ? today : asOf;
        if (day.isAfter(today)) {
            throw RuleViolationException.of("asOf", day.toString(), "not-future", "评价日期不能晚于今天");
        }
        SubjectCard subject = subjects.find(new SubjectReference(creditCode, name, idNumber))
                .orElseThrow(() -> new NotFoundException("平台没有该主体"));
        Evaluation e = evaluations.evaluate(subject.id(), day)
                .orElseThrow(() -> new NotFoundException("该日期没有适用的评价模型"));
        audit.recordSubjectsRead("EVALUATION", "evaluation", Long.toString(subject.id()), purpose, Map.of("asOf", day.toString(),
                "grade", e.grade()), null, java.util.List.of(subject.id()));
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("id", subject.id());
        who.put("name", subject.name());
        who.put("creditCode", subject.creditCode());
        who.put("idNumberMasked", subject.idNumberMasked());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", who);
        body.put("model", e.model());
        body.put("modelFrom", e.modelFrom());
        body.put("asOf", e.asOf());
        body.put("score", e.score());
        body.put("grade", e.grade());
        body.put("evaluatedAt", clock.instant());
        body.put("explanation", e.explanation());
        body.put("override", e.override());
        body.put("nextChange", e.nextChange());
        return body;
    }

    record PopulationBody(List<String> creditCodes) {
    }

    record SampleBody(String department, String matter, PopulationBody population, Map<String, Double> ratios, String seed) {
    }

    @Operation(summary = "按评价等级抽取检查对象（双随机；同一对象范围、比例和种子抽出同样的主体；留痕）")
    @PostMapping("/samples")
    @PreAuthorize("hasAuthority('SCOPE_check') or hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN')")
    ResponseEntity<Map<String, Object>> sample(@RequestBody(required = false) SampleBody body) {
        SampleBody b = body == null ? new SampleBody(null, null, null, null, null) : body;
        Evaluations.Sample s = evaluations.sample(Caller.current(), new Evaluations.SampleRequest(b.department(), b.matter(),
                b.population() == null ? null : b.population().creditCodes(), b.ratios(), b.seed()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", s.id());
        answer.put("seed", s.seed());
        answer.put("drawn", s.result().drawn());
        answer.put("byGrade", s.result().byGrade());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @Operation(summary = "对所有主体进行一次评价（信用办）")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "评价运行已开始：id 用于查询其状态",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json"))
    @PostMapping("/runs")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Object>> run() {
        UUID id = evaluations.startRun(Caller.current());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
    }

    @Operation(summary = "评价运行的状态与等级分布")
    @GetMapping("/runs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    EvaluationRepository.Run run(@PathVariable UUID id) {
        return evaluations.findRun(id).orElseThrow(() -> new NotFoundException("没有该评价运行"));
    }
}
