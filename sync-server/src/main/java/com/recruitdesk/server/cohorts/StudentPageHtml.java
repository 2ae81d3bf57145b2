package com.recruitdesk.server.cohorts;

import com.recruitdesk.protocol.cohorts.CohortRules;

/**
 * The upload page's HTML: one small, mobile-first page with no script, a card per required document
 * (its state, the reason of a rejection, a form to upload or upload again), and the plain pages for a
 * link that does not work. Every value written into it passes through {@link #escape}.
 */
final class StudentPageHtml {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1f2328}
            main{max-width:34rem;margin:0 auto;padding:1rem}
            h1{font-size:1.35rem;margin:.5rem 0}
            p.lead{color:#57606a;margin:.25rem 0 1rem}
            .card{background:#fff;border:1px solid #d0d7de;border-radius:.6rem;padding:.9rem 1rem;margin:.75rem 0}
            .card h2{font-size:1.05rem;margin:0 0 .35rem;display:flex;justify-content:space-between;gap:.5rem;align-items:center}
            .state{font-size:.8rem;font-weight:600;border-radius:1rem;padding:.15rem .6rem;white-space:nowrap}
            .missing{background:#eaeef2;color:#57606a}.pending{background:#fff8c5;color:#7d4e00}
            .verified{background:#dafbe1;color:#116329}.rejected{background:#ffebe9;color:#a40e26}
            .reason{color:#a40e26;margin:.25rem 0}.file{color:#57606a;font-size:.85rem;margin:.25rem 0;word-break:break-all}
            form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:.5rem}
            input[type=file]{flex:1 1 12rem;font-size:.95rem}
            button{background:#1f6feb;color:#fff;border:0;border-radius:.4rem;padding:.55rem 1rem;font-size:1rem}
            .notice{border-radius:.5rem;padding:.6rem .8rem;margin:.5rem 0}
            .ok{background:#dafbe1;color:#116329}.error{background:#ffebe9;color:#a40e26}
            small{color:#57606a}
            """;

    private StudentPageHtml() {}

    /** The page of a working link; {@code notice} an upload's outcome ({@code error} when it was refused). */
    static String page(StudentPage page, String token, String notice, boolean error) {
        StringBuilder html = head("Your documents for " + page.cohortName());
        html.append("<main><h1>Hello ")
                .append(escape(page.studentName()))
                .append("</h1>")
                .append("<p class=\"lead\">")
                .append(escape(page.institutionName()))
                .append(" needs these documents for <strong>")
                .append(escape(page.cohortName()))
                .append("</strong>. Upload a PDF or a clear photo (JPEG or PNG) of each, at most ")
                .append(CohortRules.MAX_UPLOAD_BYTES / (1024 * 1024))
                .append(" MB.</p>");
        if (notice != null) {
            html.append("<p class=\"notice ")
                    .append(error ? "error" : "ok")
                    .append("\" role=\"status\" id=\"notice\">")
                    .append(escape(notice))
                    .append("</p>");
        }
        for (StudentPage.Requirement r : page.requirements()) {
            html.append("<section class=\"card\" id=\"doc-")
                    .append(r.type())
                    .append("\"><h2>")
                    .append(escape(r.label()))
                    .append(state(r))
                    .append("</h2>");
            if (r.filename() != null) {
                html.append("<p class=\"file\">").append(escape(r.filename())).append("</p>");
            }
            if ("rejected".equals(r.state()) && r.reason() != null) {
                html.append("<p class=\"reason\">").append(escape(r.reason())).append("</p>");
            }
            if (r.acceptsUpload()) {
                html.append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"/enroll/")
                        .append(token)
                        .append("/documents/")
                        .append(r.type())
                        .append(
                                "\"><input type=\"file\" name=\"file\" required accept=\".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png\" aria-label=\"")
                        .append(escape(r.label()))
                        .append(" file\"><button type=\"submit\">")
                        .append(r.uploaded() ? "Upload again" : "Upload")
                        .append("</button></form>");
            }
            html.append("</section>");
        }
        html.append("<p><small>This link is personal; it works until ")
                .append(
                        page.expiresAt() == null
                                ? "the cohort closes"
                                : escape(page.expiresAt().toString().substring(0, 10)))
                .append(".</small></p></main></body></html>");
        return html.toString();
    }

    /** A plain page for a link that does not work (unknown, expired, or its cohort cancelled). */
    static String problem(String title, String sentence) {
        return head(title)
                .append("<main><h1>")
                .append(escape(title))
                .append("</h1><p class=\"lead\">")
                .append(escape(sentence))
                .append("</p></main></body></html>")
                .toString();
    }

    private static String state(StudentPage.Requirement r) {
        String css = r.state() == null ? "missing" : r.state();
        String text = switch (css) {
            case "missing" -> "Not uploaded";
            case "pending" -> "Waiting for review";
            case "verified" -> "Verified";
            case "rejected" -> "Rejected";
            default -> css;
        };
        return "<span class=\"state " + css + "\">" + text + "</span>";
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>")
                .append(escape(title))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
