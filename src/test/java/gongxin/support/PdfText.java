package gongxin.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** The text of a PDF the platform made, every page, without white space (so that line breaks do not matter). */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) {
        try (PdfReader reader = new PdfReader(pdf)) {
            StringBuilder out = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                out.append(extractor.getTextFromPage(page));
            }
            return out.toString().replaceAll("\\s+", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
