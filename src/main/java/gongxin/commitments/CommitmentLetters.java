package gongxin.commitments;

import gongxin.identity.Departments;
import gongxin.platform.OfficialDocument;
import org.springframework.stereotype.Component;

/**
 * The commitment letter as a PDF: the text exactly as the subject signed it, line by line, and its SM3, so that the
 * paper in the department's file and the platform's copy can be compared.
 */
@Component
class CommitmentLetters {

    private final Departments departments;

    CommitmentLetters(Departments departments) {
        this.departments = departments;
    }

    byte[] render(CommitmentRepository.Stored s) {
        String department = departments.nameOf(s.commitment().department());
        OfficialDocument doc = OfficialDocument.start(department, "信用承诺书", "承诺编号：" + s.number());
        for (String line : s.letterText().split("\n")) {
            if (line.startsWith("信用承诺书")) {
                continue;
            }
            doc.paragraph(line);
        }
        doc.line("受理部门：" + department);
        doc.line("承诺文本 SM3：" + s.letterSm3());
        doc.signature(department, s.commitment().signedOn().toString());
        return doc.finish();
    }
}
