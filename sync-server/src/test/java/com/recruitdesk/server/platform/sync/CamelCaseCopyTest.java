package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass rewrite of a row's names says what a parse and a re-write say, for every shape of value. */
class CamelCaseCopyTest {
    private static final ObjectMapper MAPPER = Json.newMapper();

    private static String copied(CamelCaseCopy copy, String json) throws Exception {
        assertThat(copy.copy(json.getBytes(StandardCharsets.UTF_8)))
                .as("copied in one pass")
                .isTrue();
        var out = new ByteArrayOutputStream();
        copy.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                " { } ",
                "{\"id\": \"a\"}",
                "{\"body_text\": \"Sawubona — ñ \\\"quoted\\\" {not, an: object} [1, 2]\", \"unread_count\": 12}",
                "{\"score\": -1.5e3, \"big\": 12345678901234567890, \"closed_at\": null, \"is_vip\": true, \"x\": false}",
                "{\"tags\": [\"x\", {\"inner_name\": 1}, [], [[ ]]], \"meta_data\": {\"snake_inside\": [1, 2], \"e\": {}}}",
                "{\"last_number\":7}",
                "{\n\t\"a_b\" :\r\n \"c \\\\\" ,\"d_\":[ 1 ,2 ] }",
                "{\"_leading\": 1, \"trailing_\": 2, \"double__under\": 3, \"already_camelCase\": \"\\u00e9\\n\"}",
                "{\"path\": \"C:\\\\files\\\\cv.pdf\", \"emoji\": \"👋🏽\", \"zero_width\": \"a\\u200db\"}"
            })
    void writesWhatAParseAndARewriteWrite(String json) throws Exception {
        String out = copied(new CamelCaseCopy(), json);

        assertThat(MAPPER.readTree(out)).isEqualTo(RowJson.camelCase(MAPPER, RowJson.parse(MAPPER, json)));
    }

    @Test
    void spacesBetweenTokensAreLeftOutAndThoseInStringsKept() throws Exception {
        assertThat(copied(new CamelCaseCopy(), "{\n\t\"a_b\" :\r\n \"c, \\\"d\\\": e\" ,\"d_\":[ 1 ,{ \"x\" : 2 } ] }"))
                .isEqualTo("{\"aB\":\"c, \\\"d\\\": e\",\"d\":[1,{\"x\":2}]}");
    }

    @Test
    void oneBufferServesRowAfterRowOfAnySize() throws Exception {
        CamelCaseCopy copy = new CamelCaseCopy();
        String big = "{\"body_text\": \"" + "x".repeat(20_000) + "\"}";

        assertThat(copied(copy, big)).hasSize(20_000 + "{\"bodyText\":\"\"}".length());
        assertThat(copied(copy, "{\"a_b\": 1}")).isEqualTo("{\"aB\":1}");
    }

    @Test
    void aNameWithAnEscapeOrBeyondAsciiIsLeftToTheTokenCopy() {
        CamelCaseCopy copy = new CamelCaseCopy();

        assertThat(copy.copy("{\"a\": 1, \"caf\\u00e9_x\": 2}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(copy.copy("{\"naïve_name\": 2}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "[1]", "{\"a\": 1", "{\"a\" 1}", "{\"a\": 1 \"b\": 2}", "{\"a\": \"open}", "{\"a\": [1, 2}"})
    void jsonThatIsNotARowIsRefusedWithWhatItIs(String json) {
        assertThatThrownBy(() -> new CamelCaseCopy().copy(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the database's JSON of a row");
    }
}
