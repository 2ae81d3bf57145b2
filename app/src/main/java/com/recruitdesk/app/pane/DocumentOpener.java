package com.recruitdesk.app.pane;

/** Opens a file or web address with the desktop's default application (the browser, a PDF viewer). */
@FunctionalInterface
public interface DocumentOpener {
    void open(String uri);
}
