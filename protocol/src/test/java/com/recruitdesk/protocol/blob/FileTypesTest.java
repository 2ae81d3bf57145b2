package com.recruitdesk.protocol.blob;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileTypesTest {
    @Test
    void aNameGivesItsTypeWhateverTheCaseAndAnUnknownOneIsOpaque() {
        assertThat(FileTypes.ofName("CV Final.PDF")).isEqualTo("application/pdf");
        assertThat(FileTypes.ofName("photo.jpeg")).isEqualTo("image/jpeg");
        assertThat(FileTypes.ofName("voice.opus")).isEqualTo("audio/ogg");
        assertThat(FileTypes.ofName("archive.tar.zst")).isEqualTo(FileTypes.OCTET_STREAM);
        assertThat(FileTypes.ofName("README")).isEqualTo(FileTypes.OCTET_STREAM);
    }

    @Test
    void aTypeGivesOneExtensionIgnoringItsParameters() {
        assertThat(FileTypes.extension("image/jpeg")).isEqualTo(".jpg");
        assertThat(FileTypes.extension("Audio/OGG; codecs=opus")).isEqualTo(".ogg");
        assertThat(FileTypes.extension("application/x-unknown")).isEmpty();
        assertThat(FileTypes.extension(null)).isEmpty();
    }

    @Test
    void theTwoDirectionsAgree() {
        for (String name : new String[] {"a.pdf", "a.docx", "a.xlsx", "a.mp4", "a.m4a", "a.png", "a.csv"}) {
            String type = FileTypes.ofName(name);
            assertThat(FileTypes.ofName("a" + FileTypes.extension(type))).isEqualTo(type);
        }
    }
}
