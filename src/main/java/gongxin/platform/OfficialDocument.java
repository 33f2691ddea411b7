package gongxin.platform;

import java.io.ByteArrayOutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A document an authority serves (告知书, 认定决定书, 信用修复告知书) as PDF with the bundled font, in the one layout they
 * share: the issuing authority and the title centred, a reference on the right, lines and indented paragraphs, the
 * authority and the date signed at the end.
 */
public final class OfficialDocument {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document = new Document(PageSize.A4, 64, 64, 64, 64);
    private final Font text;

    private OfficialDocument(String issuer, String title, String reference) {
        BaseFont base = CjkFont.get();
        text = new Font(base, 11);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("公信 · 示例市公共信用信息平台");
        document.open();
        add(aligned(new Paragraph(issuer, text), Element.ALIGN_CENTER));
        Paragraph heading = aligned(new Paragraph(title, new Font(base, 18, Font.BOLD)), Element.ALIGN_CENTER);
        heading.setSpacingAfter(14);
        add(heading);
        add(aligned(new Paragraph(reference, new Font(base, 8)), Element.ALIGN_RIGHT));
    }

    /** A document of {@code issuer} titled {@code title}, with a reference line such as "案件编号：12". */
    public static OfficialDocument start(String issuer, String title, String reference) {
        return new OfficialDocument(issuer, title, reference);
    }

    /** A line as it is, such as the addressee or a document number. */
    public OfficialDocument line(String content) {
        add(new Paragraph(content, text));
        return this;
    }

    /** A paragraph of the body, indented as official documents are. */
    public OfficialDocument paragraph(String content) {
        Paragraph p = new Paragraph(content, text);
        p.setFirstLineIndent(22);
        p.setSpacingBefore(6);
        p.setLeading(18);
        add(p);
        return this;
    }

    /** The authority and the date at the end, on the right. */
    public OfficialDocument signature(String issuer, String date) {
        Paragraph sign = aligned(new Paragraph(issuer + "\n" + (date == null ? "" : date), text), Element.ALIGN_RIGHT);
        sign.setSpacingBefore(24);
        add(sign);
        return this;
    }

    public byte[] finish() {
        document.close();
        return out.toByteArray();
    }

    private void add(Paragraph p) {
        document.add(p);
    }

    private static Paragraph aligned(Paragraph p, int alignment) {
        p.setAlignment(alignment);
        return p;
    }
}
