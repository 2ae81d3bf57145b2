package com.recruitdesk.app.cohorts.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of a document as pixels: a PDF's pages rendered by PDFBox at a zoom, a photo as its one
 * page. Kept open while the document is on screen; close it when moving on. Not thread-safe: one
 * renderer thread at a time.
 */
public final class Pages implements AutoCloseable {
    /** PDF points per inch; zoom 1 renders at 96 dpi, like the screen. */
    private static final float SCREEN_DPI = 96f / 72f;

    private final PDDocument pdf;
    private final PDFRenderer renderer;
    private final BufferedImage image;

    private Pages(PDDocument pdf, BufferedImage image) {
        this.pdf = pdf;
        this.renderer = pdf == null ? null : new PDFRenderer(pdf);
        this.image = image;
    }

    /** One page in ARGB pixels, row by row. */
    public record Page(int index, int count, int width, int height, int[] argb) {}

    public static Pages open(Path file, boolean isPdf) throws IOException {
        if (isPdf) {
            return new Pages(Loader.loadPDF(file.toFile()), null);
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a picture this computer can show");
        }
        return new Pages(null, image);
    }

    public int count() {
        return pdf == null ? 1 : pdf.getNumberOfPages();
    }

    /** Page {@code index} (from 0) at {@code zoom} (1 = actual size on a 96 dpi screen). */
    public Page render(int index, double zoom) throws IOException {
        BufferedImage page =
                pdf == null ? image : renderer.renderImage(index, (float) (SCREEN_DPI * zoom), ImageType.RGB);
        int w = page.getWidth();
        int h = page.getHeight();
        return new Page(index, count(), w, h, page.getRGB(0, 0, w, h, null, 0, w));
    }

    @Override
    public void close() throws IOException {
        if (pdf != null) {
            pdf.close();
        }
    }
}
