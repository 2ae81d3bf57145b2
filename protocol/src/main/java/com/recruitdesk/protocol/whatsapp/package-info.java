/** WhatsApp's rules that both sides apply: the 24-hour window, template placeholders, media limits. */
package com.recruitdesk.protocol.whatsapp;
