package gongxin.portal;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The credit office's controls over the public read model. */
@RestController
@RequestMapping("/api/v1/admin/portal")
@PreAuthorize("hasRole('ADMIN')")
class PortalAdminApi {

    private final ReadModelConfiguration configuration;

    PortalAdminApi(ReadModelConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Whether the read model was built with the configuration in force. */
    @Operation(summary = "公示读模型的配置与状态")
    @GetMapping("/read-model")
    Map<String, Object> state() {
        String current = configuration.fingerprint();
        String stored = configuration.stored().orElse(null);
        return Map.of("fingerprint", current, "builtWith", stored == null ? "" : stored, "current", current.equals(stored));
    }

    /** Builds the read model again from every record (the site keeps the old one until the new one is complete). */
    @Operation(summary = "重建公示读模型（信用办）")
    @PostMapping("/read-model/rebuild")
    PortalProjection.Rebuilt rebuild() {
        return configuration.rebuild("requested", false);
    }
}
