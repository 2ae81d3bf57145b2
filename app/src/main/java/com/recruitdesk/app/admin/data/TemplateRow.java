package com.recruitdesk.app.admin.data;

import com.recruitdesk.protocol.whatsapp.TemplateShape;
import java.util.UUID;

/** A template of a number as the Templates list shows it: Meta's status and reason, its text. */
public record TemplateRow(
        UUID id,
        UUID numberId,
        String name,
        String language,
        String category,
        String status,
        String rejectionReason,
        TemplateShape shape,
        boolean pending) {}
