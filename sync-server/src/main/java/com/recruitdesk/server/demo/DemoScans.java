package com.recruitdesk.server.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The demo students' uploads, drawn on the spot: certificates and letters as PDFs, ID cards as photos
 * (the tests' sample files too).
 */
public final class DemoScans {
    private DemoScans() {}

    /** A document of {@code pages} A4 pages headed {@code title}, naming the student. */
    public static byte[] pdf(String title, String student, String issuer, int pages) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    s.setNonStrokingColor(new Color(0x0b, 0x4f, 0x6c));
                    s.addRect(0, 770, 595, 72);
                    s.fill();
                    text(s, bold, 20, Color.WHITE, 48, 800, issuer);
                    text(s, bold, 24, new Color(0x1f, 0x23, 0x28), 48, 700, title);
                    text(s, regular, 13, Color.DARK_GRAY, 48, 660, "This is to certify that");
                    text(s, bold, 18, Color.BLACK, 48, 632, student);
                    String[] lines = {
                        "has met the requirements stated in this document.",
                        "Reference number: RD-" + Math.abs((student + title).hashCode() % 900000 + 100000),
                        "Issued at Johannesburg, Gauteng.",
                        "Page " + p + " of " + pages
                    };
                    for (int i = 0; i < lines.length; i++) {
                        text(s, regular, 12, Color.DARK_GRAY, 48, 600 - i * 22, lines[i]);
                    }
                    s.setStrokingColor(new Color(0x0b, 0x4f, 0x6c));
                    s.setLineWidth(2);
                    s.addRect(40, 60, 515, 690);
                    s.stroke();
                    text(
                            s,
                            regular,
                            10,
                            Color.GRAY,
                            48,
                            80,
                            "Certified a true copy of the original.  Signed: ____________");
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(
            PDPageContentStream s, PDType1Font font, float size, Color color, float x, float y, String t)
            throws IOException {
        s.beginText();
        s.setNonStrokingColor(color);
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(t);
        s.endText();
    }

    /** A photo of an ID card with the student's name, as JPEG. */
    static byte[] idCard(String student, int seed) {
        BufferedImage image = new BufferedImage(1000, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0x8a, 0x86, 0x7c));
            g.fillRect(0, 0, 1000, 640);
            g.setColor(new Color(0xe8, 0xf1, 0xe4));
            g.fillRoundRect(60, 50, 880, 540, 40, 40);
            g.setColor(new Color(0x2e, 0x6b, 0x3a));
            g.fillRoundRect(60, 50, 880, 90, 40, 40);
            g.fillRect(60, 110, 880, 30);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
            g.drawString("REPUBLIC OF SOUTH AFRICA  ·  IDENTITY CARD", 90, 108);
            g.setColor(new Color(0xb8, 0xc4, 0xb4));
            g.fillRoundRect(100, 180, 230, 290, 20, 20);
            g.setColor(new Color(0x6d, 0x7a, 0x6a));
            g.fillOval(160, 220, 110, 110);
            g.fillRoundRect(130, 340, 170, 120, 60, 60);
            g.setColor(new Color(0x1f, 0x23, 0x28));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
            g.drawString("Surname / Names", 380, 210);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
            g.drawString(student.toUpperCase(java.util.Locale.ROOT), 380, 255);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
            g.drawString("Identity number", 380, 320);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 34));
            g.drawString(
                    String.format("%06d %04d 08%d", 980000 + seed * 1371 % 20000, 5000 + seed * 37 % 4999, seed % 10),
                    380,
                    362);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
            g.drawString("Date of issue  " + (2018 + seed % 6) + "-0" + (1 + seed % 9) + "-1" + seed % 10, 380, 430);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
