package com.recruitdesk.server.whatsapp;

import java.util.Optional;

/** Picks the provider for a number: the Cloud API for {@code cloud_api} numbers when configured, else the simulator. */
record Providers(Optional<CloudApiClient> cloud, Simulator simulator) {
    WhatsAppProvider forAccount(WhatsAppAccount account) {
        if (cloud.isPresent() && "cloud_api".equals(account.provider()) && account.phoneNumberId() != null) {
            return cloud.get();
        }
        return simulator;
    }

    boolean simulates(WhatsAppAccount account) {
        return forAccount(account) == simulator;
    }
}
