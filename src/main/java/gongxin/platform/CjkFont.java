package gongxin.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;

/**
 * The Chinese font every PDF of the platform embeds (WenQuanYi Micro Hei, shipped in the jar under {@code /fonts}), so
 * that a report or a decision reads the same on any machine. Loaded once.
 */
public final class CjkFont {

    private static volatile BaseFont font;

    private CjkFont() {
    }

    public static BaseFont get() {
        BaseFont f = font;
        if (f == null) {
            synchronized (CjkFont.class) {
                if (font == null) {
                    try (InputStream in = CjkFont.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
                        if (in == null) {
                            throw new IllegalStateException("字体缺失：/fonts/wqy-microhei.ttc");
                        }
                        font = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                                in.readAllBytes(), null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                f = font;
            }
        }
        return f;
    }
}
