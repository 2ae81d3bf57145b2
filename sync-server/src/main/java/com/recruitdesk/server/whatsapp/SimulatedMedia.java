package com.recruitdesk.server.whatsapp;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The files behind the demo's media ids ({@code demo-media-<n>-photo|cv|voice}), made on the fly
 * so the demo needs no binary assets: a JPEG portrait drawn off-screen, a one-page PDF CV with the
 * person's name, and a short voice-like WAV. The same id gives the same bytes every time. A WAV
 * stands in for WhatsApp's Ogg/Opus voice notes because writing Opus needs an encoder; its MIME
 * type says what it is.
 */
final class SimulatedMedia {
    private static final Pattern DEMO_ID = Pattern.compile("demo-media-(\\d+)-(photo|cv|voice)");
    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    /** A generated file. */
    record File(byte[] bytes, String mimeType) {}

    private SimulatedMedia() {}

    static boolean isDemo(String mediaId) {
        return DEMO_ID.matcher(mediaId).matches();
    }

    /** The file for a demo media id of the person {@code fullName} (whose number is {@code phone}). */
    static Optional<File> demo(String mediaId, String fullName, String phone) {
        Matcher m = DEMO_ID.matcher(mediaId);
        if (!m.matches()) {
            return Optional.empty();
        }
        int seed = Integer.parseInt(m.group(1));
        return Optional.of(
                switch (m.group(2)) {
                    case "photo" -> new File(portrait(seed), "image/jpeg");
                    case "cv" -> new File(cv(fullName, phone, seed), "application/pdf");
                    default -> new File(voice(seed), "audio/wav");
                });
    }

    // ---------------------------------------------------------------------------------------------
    // Photo

    private static final Color[] BACKDROPS = {
        new Color(0x2E5C8A), new Color(0x8A4B2E), new Color(0x3E7D5A), new Color(0x6B3E7D), new Color(0x7D6B3E)
    };
    private static final Color[] SKIN = {
        new Color(0x5C3A21), new Color(0x8D5524), new Color(0xC68642), new Color(0xE0AC69), new Color(0xF1C27D)
    };
    private static final Color[] CLOTHES = {
        new Color(0xC0392B), new Color(0x16A085), new Color(0xF39C12), new Color(0x2C3E50), new Color(0xECF0F1)
    };

    /** A head-and-shoulders silhouette on a studio backdrop, 360 × 480. */
    static byte[] portrait(int seed) {
        int w = 360;
        int h = 480;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color backdrop = BACKDROPS[seed % BACKDROPS.length];
            g.setPaint(new GradientPaint(0, 0, backdrop.brighter(), 0, h, backdrop.darker()));
            g.fillRect(0, 0, w, h);
            Color skin = SKIN[(seed / 2) % SKIN.length];
            Color hair = new Color(0x1C1C1C + (seed % 4) * 0x101008);
            // shoulders and top
            g.setColor(CLOTHES[(seed / 3) % CLOTHES.length]);
            g.fill(new RoundRectangle2D.Double(40, 330, 280, 220, 160, 160));
            // neck
            g.setColor(skin.darker());
            g.fillRect(155, 270, 50, 80);
            // hair behind the head, head, eyes, smile
            g.setColor(hair);
            g.fill(new Ellipse2D.Double(105, 90, 150, 175 + (seed % 3) * 20));
            g.setColor(skin);
            g.fill(new Ellipse2D.Double(118, 120, 124, 160));
            g.setColor(hair);
            g.fill(new Ellipse2D.Double(112, 100, 136, 60));
            g.setColor(new Color(0x2B1B10));
            g.fill(new Ellipse2D.Double(148, 185, 14, 10));
            g.fill(new Ellipse2D.Double(198, 185, 14, 10));
            g.setColor(new Color(0x9E3B3B));
            g.fillArc(160, 220, 40, 24, 200, 140);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------
    // CV

    private static final List<String> JOBS = List.of(
            "Sales Assistant, Woolworths|2021 - 2024|Served customers, ran the till and kept stock counts.",
            "Call Centre Agent, Teleperformance|2020 - 2023|Answered 80 calls a day on billing and orders.",
            "Junior Developer, Fintech start-up|2022 - 2024|Built Java services and wrote their tests.",
            "Promotional Model, Lumo Events|2019 - 2024|Brand activations at malls and trade shows.",
            "Warehouse Picker, Takealot|2021 - 2023|Picked and packed 300 orders a shift.");

    /** A one-page A4 CV in PDF 1.4 with the standard Helvetica fonts, written by hand. */
    static byte[] cv(String fullName, String phone, int seed) {
        String name = fullName == null || fullName.isBlank() ? "Demo Candidate" : fullName;
        String[] job = JOBS.get(seed % JOBS.size()).split("\\|");
        List<String> text = new ArrayList<>();
        text.add("BT /F1 26 Tf 56 770 Td " + literal(name) + " Tj ET");
        text.add("BT /F2 12 Tf 56 748 Td " + literal("Curriculum Vitae") + " Tj ET");
        int y = 724;
        if (phone != null && !phone.isBlank()) {
            text.add("BT /F2 11 Tf 56 " + y + " Td " + literal("Phone / WhatsApp: " + phone) + " Tj ET");
            y -= 16;
        }
        text.add("0.2 0.4 0.6 RG 1.5 w 56 " + (y - 6) + " m 539 " + (y - 6) + " l S");
        y -= 34;
        y = section(text, "Experience", y);
        text.add("BT /F1 11 Tf 56 " + y + " Td " + literal(job[0] + "  (" + job[1] + ")") + " Tj ET");
        y -= 16;
        text.add("BT /F2 11 Tf 56 " + y + " Td " + literal(job[2]) + " Tj ET");
        y -= 32;
        y = section(text, "Education", y);
        text.add("BT /F2 11 Tf 56 " + y + " Td " + literal("National Senior Certificate (Matric), " + (2012 + seed % 8))
                + " Tj ET");
        y -= 32;
        y = section(text, "Languages", y);
        text.add("BT /F2 11 Tf 56 " + y + " Td " + literal("English, isiZulu, Afrikaans") + " Tj ET");
        y -= 32;
        y = section(text, "References", y);
        text.add("BT /F2 11 Tf 56 " + y + " Td " + literal("Available on request.") + " Tj ET");
        byte[] content = String.join("\n", text).getBytes(WIN_ANSI);

        List<byte[]> objects = List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
                        + " /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
                concat(ascii("<< /Length " + content.length + " >>\nstream\n"), content, ascii("\nendstream")));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(ascii("%PDF-1.4\n"));
        pdf.writeBytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(ascii((i + 1) + " 0 obj\n"));
            pdf.writeBytes(objects.get(i));
            pdf.writeBytes(ascii("\nendobj\n"));
        }
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format(Locale.ROOT, "%010d 00000 n \n", o)));
        table.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        pdf.writeBytes(ascii(table.toString()));
        return pdf.toByteArray();
    }

    private static int section(List<String> text, String title, int y) {
        text.add("BT /F1 14 Tf 0.2 0.4 0.6 rg 56 " + y + " Td " + literal(title) + " Tj ET 0 g");
        return y - 20;
    }

    /** A PDF string literal in WinAnsi: parentheses and backslashes escaped, other bytes as octal. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("(");
        for (byte b : text.getBytes(WIN_ANSI)) {
            int c = b & 0xff;
            if (c == '(' || c == ')' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\%03o", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append(')').toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------
    // Voice note

    private static final int RATE = 16_000;

    /**
     * About two seconds of a voice-like sound: a gliding pitch with a few harmonics, shaped into
     * syllables. 16-bit mono PCM in a RIFF/WAVE container.
     */
    static byte[] voice(int seed) {
        double seconds = 1.6 + (seed % 5) * 0.2;
        int samples = (int) (RATE * seconds);
        double base = 110 + (seed % 7) * 15; // a speaking voice's fundamental
        double syllables = 3.5 + (seed % 3) * 0.5; // per second
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double t = (double) i / RATE;
            double pitch = base * (1 + 0.12 * Math.sin(2 * Math.PI * 0.7 * t + seed));
            phase += 2 * Math.PI * pitch / RATE;
            double tone = 0.6 * Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.15 * Math.sin(3 * phase);
            double syllable = Math.max(0, Math.sin(Math.PI * syllables * t));
            double fade = Math.min(1, Math.min(t, seconds - t) * 20);
            pcm.putShort((short) (tone * syllable * fade * 0.5 * Short.MAX_VALUE));
        }
        byte[] data = pcm.array();
        ByteBuffer wav = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + data.length).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
        wav.putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
        wav.put(ascii("data")).putInt(data.length).put(data);
        return wav.array();
    }
}
