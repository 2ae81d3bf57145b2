package com.recruitdesk.protocol.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainHashTest {
    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theHashIsSha256OfThePreviousHashAndEachValueMarkedNullOrPresent() throws Exception {
        String hash = ChainHash.link("abc", Arrays.asList("stage", null, 3, Instant.ofEpochSecond(1, 5_000)));

        assertThat(hash).isEqualTo(sha256("abc\n+stage\n-\n+3\n+1000005"));
    }

    @Test
    void textBeyondAsciiIsHashedAsUtf8() throws Exception {
        assertThat(ChainHash.link("", List.of("Zoë — 𝄞 café"))).isEqualTo(sha256("\n+Zoë — 𝄞 café"));
    }

    @Test
    void changingAnyValueOrThePreviousHashChangesTheHash() {
        String base = ChainHash.link("p", List.of("new", "screening"));

        assertThat(ChainHash.link("p", List.of("new", "interview"))).isNotEqualTo(base);
        assertThat(ChainHash.link("q", List.of("new", "screening"))).isNotEqualTo(base);
        assertThat(ChainHash.link("p", Arrays.asList("new", null)))
                .isNotEqualTo(ChainHash.link("p", List.of("new", "")));
    }
}
