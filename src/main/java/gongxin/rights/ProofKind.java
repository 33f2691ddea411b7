package gongxin.rights;

import java.util.Locale;

import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/**
 * What a proof of a repair application shows (docs/api.md, "Rights": the {@code kinds} part). Which kinds a repair
 * needs is data per kind of credit entry ({@code rights.required_proof}); names are extended, never renamed.
 */
enum ProofKind {
    /** 身份证明: the ID card or business licence of the applicant (and of the one acting for it). */
    IDENTITY("身份证明"),
    /** 履行法定义务的证明: the fine paid, the rectification done, the court's duties performed. */
    PERFORMANCE("履行法定义务的证明"),
    OTHER("其他材料");

    private final String label;

    ProofKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind as sent; none given is {@code OTHER}, an unknown one is refused. */
    static ProofKind of(String value, String field) {
        if (Text.isBlank(value)) {
            return OTHER;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of(field, value, "proof-kind", "证明材料的类别应为 IDENTITY（身份证明）、PERFORMANCE（履行法定义务的证明）或 OTHER（其他材料）");
        }
    }
}
