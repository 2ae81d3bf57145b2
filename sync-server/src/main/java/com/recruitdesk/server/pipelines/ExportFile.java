package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A job's applications written as one file of an export (seed 002 export_format): Excel through
 * Apache POI's streaming workbook (a window of rows in memory, the rest on disk, so 5,000
 * applications need little heap), CSV through Commons CSV, or JSON through Jackson's streaming
 * generator. {@code progress} hears how many rows are written so far.
 */
final class ExportFile {
    /** The columns, in order, with their headings. */
    static final List<String> HEADINGS = List.of(
            "Application",
            "Candidate",
            "WhatsApp",
            "Email",
            "Location",
            "Current role",
            "Experience (years)",
            "Skills",
            "Stage",
            "Applied",
            "Match score",
            "Prescreen score",
            "Must-have failed",
            "Follow-up status",
            "Next follow-up",
            "Follow-up remarks",
            "Recruiter approved",
            "Submitted to client",
            "Submitted at",
            "Match summary");

    private ExportFile() {}

    static String extension(String format) {
        return switch (format) {
            case "excel" -> "xlsx";
            case "csv" -> "csv";
            default -> "json";
        };
    }

    static void write(String format, List<List<Object>> rows, OutputStream out, IntConsumer progress)
            throws IOException {
        switch (format) {
            case "excel" -> excel(rows, out, progress);
            case "csv" -> csv(rows, out, progress);
            default -> json(rows, out, progress);
        }
    }

    private static void excel(List<List<Object>> rows, OutputStream out, IntConsumer progress) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet("Applications");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADINGS.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(HEADINGS.get(i));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    switch (v) {
                        case Number n -> cell.setCellValue(n.doubleValue());
                        case Boolean b -> cell.setCellValue(b ? "yes" : "no");
                        default -> cell.setCellValue(v.toString());
                    }
                }
                progress.accept(r + 1);
            }
            book.write(out);
        }
    }

    private static void csv(List<List<Object>> rows, OutputStream out, IntConsumer progress) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(HEADINGS.toArray(String[]::new))
                        .get());
        for (int r = 0; r < rows.size(); r++) {
            printer.printRecord(rows.get(r).stream()
                    .map(v -> v instanceof Boolean b ? (b ? "yes" : "no") : v)
                    .toList());
            progress.accept(r + 1);
        }
        printer.flush();
    }

    private static void json(List<List<Object>> rows, OutputStream out, IntConsumer progress) throws IOException {
        ObjectMapper mapper = com.recruitdesk.protocol.Json.newMapper();
        JsonGenerator g = mapper.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartArray();
        for (int r = 0; r < rows.size(); r++) {
            g.writeStartObject();
            List<Object> values = rows.get(r);
            for (int i = 0; i < values.size(); i++) {
                g.writeFieldName(HEADINGS.get(i));
                g.writeObject(values.get(i));
            }
            g.writeEndObject();
            progress.accept(r + 1);
        }
        g.writeEndArray();
        g.flush();
    }
}
