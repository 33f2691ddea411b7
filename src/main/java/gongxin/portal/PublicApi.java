package gongxin.portal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The public website's API: no login; rate-limited per address; personal data masked. */
@RestController
@RequestMapping("/api/v1/public")
@PreAuthorize("permitAll()")
class PublicApi {

    private final PublicCredit credit;
    private final CreditReports reports;

    PublicApi(PublicCredit credit, CreditReports reports) {
        this.credit = credit;
        this.reports = reports;
    }

    /**
     * By name fragment (2+ characters) or credit code. Natural persons are looked up by {@code POST /subjects/person}:
     * an ID number in an address ends up in access logs, proxies and browser histories, so it is refused here.
     */
    @Operation(summary = "按名称片段或统一社会信用代码查询主体")
    @GetMapping("/subjects")
    Object search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
                  @RequestParam(required = false) String idNumber) {
        if (idNumber != null) {
            throw RuleViolationException.of("idNumber", null, "id-number-in-url",
                    "身份证号码不能放在网址中：请以 POST /api/v1/public/subjects/person 提交姓名和身份证号码");
        }
        return credit.search(q, page);
    }

    record PersonQuery(String name, String idNumber) {
    }

    /** A natural person by full name and ID number together, in the body; found only while something is public. */
    @Operation(summary = "按姓名与身份证号码查询自然人（请求体）")
    @PostMapping(value = "/subjects/person", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> person(@RequestBody PersonQuery query) {
        return credit.person(query.name(), query.idNumber()).map(PublicApi::subjectBody)
                .<Map<String, Object>>map(body -> Map.of("items", List.of(body), "total", 1))
                .orElse(Map.of("items", List.of(), "total", 0));
    }

    @Operation(summary = "一个主体的公示信息")
    @GetMapping("/subjects/{code}")
    Map<String, Object> subject(@PathVariable String code) {
        return credit.subject(code).map(PublicApi::subjectBody)
                .orElseThrow(() -> new NotFoundException("未找到代码为“" + code + "”的主体"));
    }

    static Map<String, Object> subjectBody(PublicCredit.SubjectView view) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("code", view.subject().publicId());
        body.put("name", view.name());
        body.put("category", view.subject().category().name());
        body.put("categoryLabel", view.categoryLabel());
        body.put("creditCode", view.subject().creditCode());
        body.put("idNumber", view.idMasked());
        body.put("formerNames", view.subject().formerNames());
        body.put("basic", view.basic());
        Map<String, Object> sections = new java.util.LinkedHashMap<>();
        view.sections().forEach((section, entries) -> sections.put(section.name(),
                Map.of("label", section.label(), "entries", entries)));
        body.put("sections", sections);
        return body;
    }

    @Operation(summary = "双公示与名单栏目的最新公示")
    @GetMapping("/publicity/{section}")
    List<PublicCredit.ListRow> latest(@PathVariable Section section, @RequestParam(required = false) String department,
                                      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                                      @RequestParam(defaultValue = "1") int page) {
        return credit.latest(section, department, from, to, page);
    }

    /** @param matter a system's SPECIAL report: the matter its department's sharing duty covers */
    record ReportBody(String creditCode, CreditReports.Kind kind, LocalDate from, LocalDate to, List<String> domains, String matter) {
    }

    /** FULL for anyone; SPECIAL only for staff or a system with the {@code share} scope, with {@code X-Purpose}. */
    @Operation(summary = "出具信用报告（PDF；专项报告须窗口或共享权限）")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "401", description = "专项报告须由工作人员、有 share 权限的系统或已证明身份的主体申请",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Problem")))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = "系统申请专项报告：事项不在本部门共享责任清单内",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> report(@RequestBody ReportBody body,
                                  @RequestHeader(name = "X-Purpose", required = false) String purpose) {
        CreditReports.Issued issued = reports.issue(new CreditReports.Request(body.creditCode(), body.kind(), body.from(),
                body.to(), CreditReports.domainsOf(body.domains()), purpose, body.matter()));
        return pdf(issued);
    }

    static ResponseEntity<byte[]> pdf(CreditReports.Issued issued) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + issued.number() + ".pdf\"")
                .header("X-Report-Number", issued.number())
                .header("X-Report-SM3", issued.sm3())
                .header("X-Report-Signature", issued.signature())
                .body(issued.pdf());
    }

    @Operation(summary = "按编号核验信用报告")
    @GetMapping("/reports/{number}/verify")
    CreditReports.Verification verify(@PathVariable String number) throws IOException {
        return reports.verify(number, null);
    }

    /**
     * Checks a file against the number: the PDF as the request body, or as the multipart part {@code file}. Bodies
     * are capped ({@code gongxin.portal.max-body-size}) and hashed as they stream in.
     */
    @Operation(summary = "按编号核验报告文件（PDF 请求体）")
    @PostMapping(value = "/reports/{number}/verify", consumes = MediaType.APPLICATION_PDF_VALUE)
    CreditReports.Verification verifyFile(@PathVariable String number, InputStream file) throws IOException {
        return reports.verify(number, file);
    }

    @Operation(summary = "按编号核验报告文件（表单上传）")
    @PostMapping(value = "/reports/{number}/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CreditReports.Verification verifyUpload(@PathVariable String number, @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return reports.verify(number, in);
        }
    }

    @Operation(summary = "平台 SM2 公钥（PEM）")
    @GetMapping(value = "/reports/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return reports.publicKeyPem();
    }
}
