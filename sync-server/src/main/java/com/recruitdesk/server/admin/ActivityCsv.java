package com.recruitdesk.server.admin;

import com.recruitdesk.protocol.admin.ActivityEntry;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The activity log as CSV (RFC 4180 quoting by Commons CSV, a header row, UTF-8). A cell that a
 * spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) is
 * prefixed with an apostrophe, as OWASP advises against CSV injection: descriptions hold names
 * people typed.
 */
final class ActivityCsv implements AutoCloseable {
    static final String[] HEADER = {
        "time",
        "person",
        "user_id",
        "action",
        "severity",
        "entity_type",
        "entity_id",
        "description",
        "ip_address",
        "details"
    };

    private final CSVPrinter printer;

    ActivityCsv(Writer out) throws IOException {
        this.printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
    }

    void write(ActivityEntry e) throws IOException {
        printer.printRecord(
                e.at().toString(),
                safe(e.userName() == null ? (e.userId() == null ? "system" : "") : e.userName()),
                e.userId(),
                e.actionType(),
                e.severity(),
                e.entityType(),
                e.entityId(),
                safe(e.description()),
                e.ipAddress(),
                e.details() == null ? null : safe(e.details().toString()));
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
