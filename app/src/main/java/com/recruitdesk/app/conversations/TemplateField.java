package com.recruitdesk.app.conversations;

import javafx.beans.property.StringProperty;

/**
 * One value a template needs: for the header's or the body's placeholder {@code label}
 * ("{{1}}", "{{first_name}}"), with Meta's example as a hint.
 */
public record TemplateField(boolean header, String label, String hint, StringProperty value) {}
