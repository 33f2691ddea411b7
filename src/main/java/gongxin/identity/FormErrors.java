package gongxin.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import gongxin.shared.ConflictException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import org.springframework.ui.Model;

/** Puts refused input on a form page: a message per field, shown next to it. */
final class FormErrors {

    private FormErrors() {
    }

    static void show(Model model, RuntimeException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (e instanceof RuleViolationException violations) {
            for (RuleViolation v : violations.violations()) {
                byField.merge(v.field() == null ? "_" : v.field(), v.message(), (a, b) -> a + "；" + b);
            }
            model.addAttribute("formError", violations.title());
        } else if (e instanceof ConflictException conflict) {
            byField.put(conflict.field(), conflict.getMessage());
            model.addAttribute("formError", conflict.getMessage());
        } else {
            throw e;
        }
        model.addAttribute("fieldErrors", byField);
    }
}
