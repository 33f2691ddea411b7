package gongxin.portal;

import java.time.Clock;
import java.time.LocalDate;

import gongxin.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tells anyone whether a string is a valid unified social credit code or citizen ID number, and why not. */
@RestController
@RequestMapping("/api/v1/identifiers")
class IdentifierApi {

    private final Clock clock;

    IdentifierApi(Clock clock) {
        this.clock = clock;
    }

    @Operation(summary = "校验统一社会信用代码或身份证号码")
    @GetMapping("/validate")
    @PreAuthorize("permitAll()")
    Identifiers.Classification validate(@RequestParam String value) {
        return Identifiers.classify(value, LocalDate.now(clock));
    }
}
