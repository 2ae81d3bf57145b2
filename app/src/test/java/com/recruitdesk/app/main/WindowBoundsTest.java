package com.recruitdesk.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowBoundsTest {
    @TempDir
    Path dir;

    @Test
    void aFirstRunFillsMostOfASmallScreenAndStopsGrowingOnALargeOne() {
        WindowBounds laptop = WindowBounds.firstRun(1366, 728);
        assertThat(laptop.width()).isEqualTo(1229);
        assertThat(laptop.height()).isEqualTo(655);

        WindowBounds desk = WindowBounds.firstRun(2560, 1400);
        assertThat(desk.width()).isEqualTo(WindowBounds.FIRST_WIDTH);
        assertThat(desk.height()).isEqualTo(WindowBounds.FIRST_HEIGHT);
        assertThat(desk.visibleOn(0, 0, 2560, 1400))
                .as("no place yet: the platform centres it")
                .isFalse();
    }

    @Test
    void whatWasSavedComesBackAndADamagedFileIsIgnored() throws Exception {
        Path file = dir.resolve("window.properties");
        WindowBounds saved = new WindowBounds(40, 30, 1200, 800, true);
        saved.save(file);
        assertThat(WindowBounds.load(file)).contains(saved);
        assertThat(saved.visibleOn(0, 0, 1920, 1080)).isTrue();
        assertThat(saved.visibleOn(1920, 0, 1920, 1080))
                .as("on a screen no longer attached")
                .isFalse();

        Files.writeString(file, "x=forty\n");
        assertThat(WindowBounds.load(file)).isEmpty();
    }
}
