package com.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production class of the app grows past {@value #MAX_LINES} lines unless it says why at its top
 * (a line containing {@value #REASON} in its first lines): a class that long usually does two jobs.
 */
class ClassSizeTest {
    static final int MAX_LINES = 400;
    static final String REASON = "Longer than 400 lines because";

    @Test
    void noProductionClassIsLongerThanItSaysWhy() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(sources)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(ClassSizeTest::tooLongWithoutAReason)
                    .map(f -> sources.relativize(f) + " (" + lines(f).size() + " lines)")
                    .toList();
        }
        assertThat(tooLong)
                .as("classes over " + MAX_LINES + " lines without a reason")
                .isEmpty();
    }

    private static boolean tooLongWithoutAReason(Path file) {
        List<String> lines = lines(file);
        return lines.size() > MAX_LINES
                && lines.subList(0, Math.min(40, lines.size())).stream().noneMatch(l -> l.contains(REASON));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
