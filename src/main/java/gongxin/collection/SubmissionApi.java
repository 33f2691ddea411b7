package gongxin.collection;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import gongxin.audit.Purpose;
import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
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

/**
 * Submissions from provider systems (formats.md): JSON batches and files. The answer is the submission: 200 when it
 * was processed, 202 while a large file is still processing (poll {@code GET /api/v1/submissions/{id}}), 422 when the
 * file as a whole was refused and nothing was stored.
 */
@RestController
@RequestMapping("/api/v1/submissions")
@PreAuthorize("hasAuthority('SCOPE_submit') or hasAnyRole('OPERATOR', 'ADMIN')")
class SubmissionApi {

    private final SubmissionService submissions;
    private final Catalog catalog;
    private final ProviderProfiles profiles;
    private final java.time.Clock clock;

    SubmissionApi(SubmissionService submissions, Catalog catalog, ProviderProfiles profiles, java.time.Clock clock) {
        this.submissions = submissions;
        this.catalog = catalog;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The profile a submission names, checked before anything is stored. */
    private ProviderProfile profile(String code) {
        return code == null || code.isBlank() ? null : profiles.named(code);
    }

    /** A JSON batch of records of one catalog item; keys are field codes or the Chinese headers. */
    @Operation(summary = "报送一批 JSON 记录")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "批次已处理完毕（COMPLETED）",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json"))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "较大的文件在后台处理：Location 指向批次",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json"))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", description = "整批被拒（FAILED）：与 200 相同的批次答复，列出每个错误；"
            + "请求本身有误（未知的配置等）时为 problem details",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json"),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Problem"))})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@RequestBody JsonSubmission body,
                             @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        Submission submission = submissions.submitJson(body.records(),
                new SubmissionService.Options(body.item(), Boolean.TRUE.equals(body.allowPilotEraCodes()), idempotencyKey,
                        profile(body.profile())));
        return answer(submission);
    }

    /** A CSV (UTF-8 or GB18030) or XLSX file in the part {@code file}; the layout is recognised or named by {@code item}. */
    @Operation(summary = "报送文件（CSV/XLSX）")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "批次已处理完毕（COMPLETED）",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json"))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "较大的文件在后台处理：Location 指向批次",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json"))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", description = "整批被拒（FAILED）：与 200 相同的批次答复，列出每个错误；"
            + "请求本身有误（未知的配置等）时为 problem details",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json"),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Problem"))})
    @PostMapping(path = "/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> submitFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String item,
                                 @RequestParam(defaultValue = "false") boolean allowPilotEraCodes,
                                 @RequestParam(required = false) String profile,
                                 @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        Submission submission = submissions.submitFile(upload(file),
                new SubmissionService.Options(item == null || item.isBlank() ? null : item.trim(), allowPilotEraCodes, idempotencyKey,
                        profile(profile)));
        return answer(submission);
    }

    /** The batch with its refused rows, whose values may be personal data: a read with a declared purpose. */
    @Operation(summary = "批次状态与拒收行（须说明查询目的）")
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        submissions.batch(id);
        Submission submission = submissions.get(id);
        submissions.auditRead(id, "batch", purpose);
        return answer(submission);
    }

    @Operation(summary = "下载批次拒收明细（XLSX，须说明查询目的）")
    @GetMapping(value = "/{id}/errors.xlsx", produces = Workbooks.XLSX)
    void errors(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Purpose purpose = Purpose.declared(request);
        writeErrors(submissions, id, purpose, response);
    }

    /** The refused rows of a batch as XLSX, with their values; audited as a read. */
    static void writeErrors(SubmissionService submissions, UUID id, Purpose purpose, HttpServletResponse response)
            throws IOException {
        submissions.batch(id);
        List<RowError> errors = new ArrayList<>();
        submissions.forEachError(id, errors::add);
        submissions.auditRead(id, "error-file", purpose);
        attachment(response, "报送错误明细-" + id + ".xlsx");
        Workbooks.errors(errors, response.getOutputStream());
    }

    /** The template of a catalog item: one column per field, with a sheet of filling rules. */
    @Operation(summary = "下载信息项报送模板（XLSX）")
    @GetMapping(value = "/templates/{item}", produces = Workbooks.XLSX)
    @PreAuthorize("isAuthenticated()")
    void template(@PathVariable String item, HttpServletResponse response) throws IOException {
        CatalogItem catalogItem = catalog.itemInForce(item.toUpperCase(java.util.Locale.ROOT), LocalDate.now(clock))
                .orElseThrow(() -> new NotFoundException("今日适用的目录中没有信息项“" + item + "”"));
        attachment(response, catalogItem.name() + "-报送模板.xlsx");
        Workbooks.template(catalogItem, response.getOutputStream());
    }

    static ResponseEntity<?> answer(Submission submission) {
        return switch (submission.status()) {
            case "PROCESSING" -> ResponseEntity.accepted().location(URI.create("/api/v1/submissions/" + submission.id()))
                    .body(submission);
            // the submission's own shape (formats.md), so that a refused file reads like any other answer
            case "FAILED" -> ResponseEntity.unprocessableContent().body(submission);
            default -> ResponseEntity.ok(submission);
        };
    }

    static void attachment(HttpServletResponse response, String filename) {
        response.setContentType(Workbooks.XLSX);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8));
    }

    static SubmissionService.Upload upload(MultipartFile file) {
        return new SubmissionService.Upload() {
            @Override
            public String filename() {
                return file.getOriginalFilename();
            }

            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }

            @Override
            public Path keep() throws IOException {
                Path kept = Files.createTempFile("gongxin-submission-", ".upload");
                file.transferTo(kept);
                return kept;
            }
        };
    }

    /**
     * @param item the catalog item's code (recognised from the keys when absent)
     * @param allowPilotEraCodes accept pilot-era credit codes that fail the check character, marked as such
     * @param records the records, keyed by field code or Chinese header
     */
    record JsonSubmission(String item, Boolean allowPilotEraCodes, String profile, List<Map<String, Object>> records) {
    }
}
