package gongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void full_width_ascii_becomes_half_width() {
        assertThat(Text.normalize("ＡＢＣ１２３（）")).isEqualTo("ABC123()");
    }

    @Test
    void ideographic_spaces_zero_width_characters_and_byte_order_marks_are_trimmed() {
        assertThat(Text.normalize("\uFEFF\u3000示例\u200B公司\u00A0")).isEqualTo("示例公司");
    }

    @Test
    void names_keep_their_chinese_punctuation() {
        assertThat(Text.clean("\u3000示例市嘉禾科技（集团）有限公司 ")).isEqualTo("示例市嘉禾科技（集团）有限公司");
    }

    @Test
    void chinese_text_is_kept() {
        assertThat(Text.normalize("示例市嘉禾科技有限公司")).isEqualTo("示例市嘉禾科技有限公司");
    }

    @Test
    void sm3_matches_the_standard_vector() {
        // GB/T 32905-2016, example 1
        assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }
}
