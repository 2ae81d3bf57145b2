package com.recruitdesk.server.support;

import com.recruitdesk.server.demo.DemoScans;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real files of the kinds students upload, made on the spot: PDFs of some pages, JPEG and PNG scans. */
public final class SampleFiles {
    private SampleFiles() {}

    /** A PDF of {@code pages} A4 pages headed {@code title}, as the demo's students upload them. */
    public static byte[] pdf(String title, int pages) {
        return DemoScans.pdf(title, "Thandiwe Mokoena", "Department of Home Affairs", pages);
    }

    /** A photo-like scan with {@code text} on it, as JPEG ({@code "jpg"}) or PNG ({@code "png"}). */
    public static byte[] image(String text, String format) {
        BufferedImage image = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xF3, 0xEF, 0xE4));
            g.fillRect(0, 0, 900, 600);
            g.setColor(new Color(0x2D, 0x5B, 0x8A));
            g.fillRoundRect(40, 40, 820, 520, 30, 30);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
            g.drawString(text, 80, 140);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
            for (int i = 0; i < 8; i++) {
                g.drawString("Line " + (i + 1) + " of the scanned document", 80, 220 + i * 40);
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first bytes of a Windows program (an "MZ" header), whatever it is named. */
    public static byte[] windowsProgram() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        for (int i = 2; i < exe.length; i++) {
            exe[i] = (byte) (i * 31);
        }
        return exe;
    }
}
