package com.recruitdesk.server.cohorts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What an upload is, told by its bytes and never by its name: a PDF that PDFBox opens with at least
 * one page, or a JPEG or PNG that decodes. Anything else is refused with a sentence for the student.
 */
final class UploadCheck {
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private UploadCheck() {}

    /** The file's type, or the reason it is refused. */
    sealed interface Result {
        record Accepted(String mimeType) implements Result {}

        record Refused(int status, String sentence) implements Result {}
    }

    static Result check(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return new Result.Refused(400, "The file is empty. Choose the scan or photo of your document.");
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        byte[] start = Arrays.copyOf(head, n);
        if (startsWith(start, PDF)) {
            return pdfOpens(file)
                    ? new Result.Accepted("application/pdf")
                    : new Result.Refused(
                            400,
                            "This PDF could not be opened; it may be damaged. Save or scan it again, then upload it.");
        }
        if (startsWith(start, JPEG) || startsWith(start, PNG)) {
            String type = startsWith(start, PNG) ? "image/png" : "image/jpeg";
            return imageDecodes(file)
                    ? new Result.Accepted(type)
                    : new Result.Refused(400, "This picture could not be opened; it may be damaged. Take it again.");
        }
        return new Result.Refused(
                415,
                "This file is not a PDF, JPEG or PNG (whatever its name says). Upload a PDF, or a photo of the document.");
    }

    private static boolean pdfOpens(Path file) {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return pdf.getNumberOfPages() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean imageDecodes(Path file) {
        try {
            return ImageIO.read(file.toFile()) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
