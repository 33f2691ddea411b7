package gongxin.rights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;

/**
 * A proof an applicant uploads (a receipt of the fine paid, a rectification report…): PDF, PNG or JPEG, told by its
 * content, not by its name or declared type, so that a file that only claims to be a PDF is refused. Its kind says what
 * it shows (identity, performance of the obligations…), which acceptance of a repair checks.
 */
record Proof(ProofKind kind, String fileName, String contentType, byte[] content) {

    /** Per file, and how many one application may carry (the city's portal limits, comfortably above a scan). */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_FILES = 5;

    /** Checks every proof; refuses them all at once, naming each bad file (nothing is stored then). */
    static List<Proof> check(List<Upload> uploads) {
        List<RuleViolation> v = new ArrayList<>();
        List<Proof> proofs = new ArrayList<>();
        if (uploads.size() > MAX_FILES) {
            throw RuleViolationException.of("proofs", Integer.toString(uploads.size()), "too-many-proofs",
                    "每份申请最多上传 " + MAX_FILES + " 个证明材料");
        }
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String field = "proofs[" + i + "]";
            String name = u.fileName() == null || u.fileName().isBlank() ? "证明材料" + (i + 1) : u.fileName().strip();
            if (u.content() == null || u.content().length == 0) {
                v.add(RuleViolation.of(field, name, "proof-empty", "文件“" + name + "”是空的"));
                continue;
            }
            if (u.content().length > MAX_BYTES) {
                v.add(RuleViolation.of(field, name, "proof-too-large", "文件“" + name + "”超过 10 MB"));
                continue;
            }
            String type = sniff(u.content());
            if (type == null) {
                v.add(RuleViolation.of(field, name, "proof-type", "文件“" + name + "”不是 PDF、PNG 或 JPEG 文件"));
                continue;
            }
            String declared = u.contentType() == null ? "" : u.contentType().toLowerCase(Locale.ROOT);
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if ((!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals(type))
                    || (!extension.isEmpty() && !matches(type, extension))) {
                v.add(RuleViolation.of(field, name, "proof-type", "文件“" + name + "”的内容与其名称或类型不符（内容是 " + type + "）"));
                continue;
            }
            proofs.add(new Proof(u.kind() == null ? ProofKind.OTHER : u.kind(), name, type, u.content()));
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("证明材料不符合要求", v);
        }
        return proofs;
    }

    /** A file as it arrived, with the kind the applicant says it is. */
    record Upload(ProofKind kind, String fileName, String contentType, byte[] content) {

        Upload(String fileName, String contentType, byte[] content) {
            this(ProofKind.OTHER, fileName, contentType, content);
        }
    }

    /** The type the content is, by its signature; null for anything else. A PDF must also end like one. */
    static String sniff(byte[] b) {
        if (startsWith(b, new byte[]{'%', 'P', 'D', 'F', '-'}) && tail(b).contains("%%EOF")) {
            return "application/pdf";
        }
        if (startsWith(b, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if (b.length > 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean matches(String type, String extension) {
        return switch (type) {
            case "application/pdf" -> extension.equals("pdf");
            case "image/png" -> extension.equals("png");
            case "image/jpeg" -> extension.equals("jpg") || extension.equals("jpeg");
            default -> false;
        };
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String tail(byte[] b) {
        int from = Math.max(0, b.length - 1024);
        return new String(b, from, b.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
