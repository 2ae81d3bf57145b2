package com.recruitdesk.app.widgets;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Date fields that write a date one way on every screen ("3 Dec 2026"): the control's default
 * follows the machine's locale, which under an English (US) desktop shows "12/3/2026" next to lists
 * and tables that say "2026-12-03" — ambiguous to an agency that writes day before month. Typed
 * dates are read in that form, with or without the weekday, or as 2026-12-03.
 */
public final class DateFields {
    static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    /** Strict: "31 Feb" is refused rather than read as the 28th. */
    private static final List<DateTimeFormatter> READ = List.of(
            SHOWN,
            DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private DateFields() {}

    /** {@code date} as every date field shows it: "3 Dec 2026". */
    public static String format(LocalDate date) {
        return SHOWN.format(date);
    }

    /** A date picker showing {@code value} (null: empty) as "3 Dec 2026". */
    public static DatePicker picker(LocalDate value) {
        DatePicker picker = new DatePicker(value);
        picker.setConverter(CONVERTER);
        picker.setPromptText("e.g. " + SHOWN.format(LocalDate.of(2026, 12, 3)));
        return picker;
    }

    static final StringConverter<LocalDate> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : SHOWN.format(date);
        }

        /** The typed date; null for an empty field or one no form reads (the picker keeps its value). */
        @Override
        public LocalDate fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            for (DateTimeFormatter form : READ) {
                try {
                    return LocalDate.parse(text.strip(), form);
                } catch (DateTimeParseException e) {
                    // the next form
                }
            }
            return null;
        }
    };
}
