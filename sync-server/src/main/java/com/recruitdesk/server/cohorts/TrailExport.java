package com.recruitdesk.server.cohorts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An enrollment's verification trail for an auditor: CSV with every field the hashes are made of (so
 * the chain can be recomputed elsewhere), and a printable PDF; both say whether the chain holds.
 */
final class TrailExport {
    /** Who the trail is about, for the heading, and the reviewers' names by id. */
    record Heading(
            String student, String cohort, String institution, java.util.Map<java.util.UUID, String> reviewers) {}

    private static final List<String> COLUMNS = List.of(
            "sequence",
            "id",
            "enrollment_id",
            "document_id",
            "document_type",
            "action",
            "reason_code",
            "reason",
            "file_sha256",
            "admin_user_id",
            "checks",
            "created_at",
            "reviewer",
            "previous_hash",
            "entry_hash");

    private TrailExport() {}

    static String check(List<Trail.Entry> trail) {
        OptionalInt broken = Trail.firstBroken(trail);
        return broken.isEmpty()
                ? "Chain verified: all " + trail.size() + " entries follow from the ones before."
                : "CHAIN BROKEN at entry " + trail.get(broken.getAsInt()).sequence()
                        + ": it or an entry before it was changed or removed after it was written.";
    }

    static String csv(Heading h, List<Trail.Entry> trail) {
        StringBuilder out = new StringBuilder();
        out.append("# Verification trail of ")
                .append(h.student())
                .append(", ")
                .append(h.cohort())
                .append(", ")
                .append(h.institution())
                .append('\n');
        out.append("# ").append(check(trail)).append('\n');
        out.append(String.join(",", COLUMNS)).append('\n');
        for (Trail.Entry e : trail) {
            List<String> row = new ArrayList<>(e.decision().fields(e.sequence()));
            row.add(h.reviewers().getOrDefault(e.decision().adminUserId(), ""));
            row.add(e.previousHash());
            row.add(e.hash());
            out.append(String.join(",", row.stream().map(TrailExport::cell).toList()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        // A leading =, +, - or @ would be a formula to a spreadsheet; a quote keeps it text.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static byte[] pdf(Heading h, List<Trail.Entry> trail) throws IOException {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            var mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
            Writer w = new Writer(doc);
            w.line(bold, 15, "Verification trail");
            w.line(regular, 10, h.student() + " · " + h.cohort() + " · " + h.institution());
            w.gap();
            w.line(bold, 10, check(trail));
            w.gap();
            for (Trail.Entry e : trail) {
                var d = e.decision();
                w.line(
                        bold,
                        10,
                        e.sequence() + ". "
                                + d.at().toString().replace('T', ' ').substring(0, 19) + " UTC  "
                                + (d.documentType() == null
                                        ? "upload link: " + d.action().replace('_', ' ')
                                        : d.documentType().replace('_', ' ') + ": "
                                                + d.action().toUpperCase(java.util.Locale.ROOT)));
                w.line(
                        regular,
                        9,
                        "Reviewer: "
                                + h.reviewers()
                                        .getOrDefault(
                                                d.adminUserId(), d.adminUserId().toString()));
                if (d.reason() != null) {
                    w.line(regular, 9, "Reason: " + d.reason());
                }
                if (!d.checks().isEmpty()) {
                    w.line(regular, 9, "Checked: " + String.join("; ", d.checks()));
                }
                if (d.fileSha256() != null) {
                    w.line(mono, 7.5f, "file sha256  " + d.fileSha256());
                }
                w.line(mono, 7.5f, "previous     " + e.previousHash());
                w.line(mono, 7.5f, "entry hash   " + e.hash());
                w.gap();
            }
            w.close();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Lines down A4 pages, a new page when one is full; text the standard fonts cannot draw is replaced. */
    private static final class Writer {
        private static final float MARGIN = 50;
        private final PDDocument doc;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            for (String part : wrap(text, size)) {
                if (y < MARGIN) {
                    newPage();
                }
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN, y);
                page.showText(printable(part));
                page.endText();
                y -= size * 1.45f;
            }
        }

        void gap() {
            y -= 6;
        }

        private static List<String> wrap(String text, float size) {
            int width = (int) (95 * 10 / size);
            List<String> parts = new ArrayList<>();
            String rest = text;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                cut = cut <= 0 ? width : cut;
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            parts.add(rest);
            return parts;
        }

        private static String printable(String s) {
            StringBuilder out = new StringBuilder();
            for (char c : s.toCharArray()) {
                out.append(c == '·' || (c >= 32 && c < 127) || (c >= 160 && c <= 255) ? c : '?');
            }
            return out.toString();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            page.close();
        }
    }
}
