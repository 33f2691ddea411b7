package gongxin.collection;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.identity.Caller;
import gongxin.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Providers' profiles (docs/api.md, "Collection: providers' own field names"): kept by the credit office. */
@RestController
@RequestMapping("/api/v1/collection/profiles")
class ProfileApi {

    record ProfileBody(String item, Map<String, String> columns, String description) {
    }

    private final ProviderProfiles profiles;
    private final Catalog catalog;
    private final Clock clock;

    ProfileApi(ProviderProfiles profiles, Catalog catalog, Clock clock) {
        this.profiles = profiles;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Operation(summary = "登记或修改报送方案（对方列名 → 本平台字段编码；每次修改为新版本，留痕）")
    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> put(@PathVariable String code, @RequestBody ProfileBody body) {
        return body(profiles.put(Caller.current(), code, body.item(), body.columns(), body.description()));
    }

    @Operation(summary = "全部报送方案（当前版本）")
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<Map<String, Object>> all() {
        return profiles.all().stream().map(ProfileApi::body).toList();
    }

    @Operation(summary = "一个报送方案的全部版本（新的在前）")
    @GetMapping("/{code}")
    @PreAuthorize("isAuthenticated()")
    List<Map<String, Object>> history(@PathVariable String code) {
        List<ProviderProfile> versions = profiles.history(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("没有报送方案“" + code + "”");
        }
        return versions.stream().map(ProfileApi::body).toList();
    }

    @Operation(summary = "按报送方案的列名下载报送模板（XLSX）")
    @GetMapping(value = "/{code}/template.xlsx", produces = Workbooks.XLSX)
    @PreAuthorize("isAuthenticated()")
    void template(@PathVariable String code, HttpServletResponse response) throws IOException {
        ProviderProfile profile = profiles.named(code);
        CatalogItem item = catalog.itemInForce(profile.itemCode(), LocalDate.now(clock))
                .orElseThrow(() -> new NotFoundException("今日适用的目录中没有信息项“" + profile.itemCode() + "”"));
        SubmissionApi.attachment(response, item.name() + "-" + profile.code() + "-报送模板.xlsx");
        Workbooks.template(item, field -> {
            String theirs = profile.nameOf(field.code());
            return theirs == null ? field.name() : theirs;
        }, response.getOutputStream());
    }

    private static Map<String, Object> body(ProviderProfile p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", p.code());
        body.put("version", p.version());
        body.put("item", p.itemCode());
        body.put("columns", p.columns());
        body.put("description", p.description());
        body.put("recordedAt", p.recordedAt());
        body.put("recordedBy", p.recordedBy());
        return body;
    }
}
