package com.recruitdesk.app.main;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/** Where the main window was and how big, kept in a small properties file between runs. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    /** The first window is this big, or 90 % of a smaller screen: three columns need the room. */
    static final double FIRST_WIDTH = 1440;

    static final double FIRST_HEIGHT = 920;

    /** The window of a first run on a screen whose usable area is {@code screenWidth × screenHeight}. */
    public static WindowBounds firstRun(double screenWidth, double screenHeight) {
        return new WindowBounds(
                Double.NaN,
                Double.NaN,
                Math.min(FIRST_WIDTH, Math.floor(screenWidth * 0.9)),
                Math.min(FIRST_HEIGHT, Math.floor(screenHeight * 0.9)),
                false);
    }

    public static Optional<WindowBounds> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new WindowBounds(
                    Double.parseDouble(p.getProperty("x")),
                    Double.parseDouble(p.getProperty("y")),
                    Double.parseDouble(p.getProperty("width")),
                    Double.parseDouble(p.getProperty("height")),
                    Boolean.parseBoolean(p.getProperty("maximized"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged file only costs the old size
        }
    }

    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(x));
        p.setProperty("y", Double.toString(y));
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        try (OutputStream out = Files.newOutputStream(temp)) {
            p.store(out, "RecruitDesk main window");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** True when at least a corner's worth of the window lies inside {@code (sx, sy, sw, sh)}. */
    public boolean visibleOn(double sx, double sy, double sw, double sh) {
        return !Double.isNaN(x) && x + 80 > sx && y + 40 > sy && x < sx + sw - 80 && y < sy + sh - 40;
    }
}
