/**
 * The RecruitDesk desktop app. Each feature is a package of its own ({@code conversations},
 * {@code pipelines}, {@code interviews}, {@code cohorts}, {@code crm}) with a {@code data}
 * subpackage for its reads and commands; they plug into the shared parts through the pane seam
 * ({@code pane}), the local store ({@code store}, filed by the rules the features declare) and the
 * sync engine ({@code sync}), and share {@code widgets} and {@code format}. {@link
 * com.recruitdesk.app.Features} composes them; {@link com.recruitdesk.app.RecruitDeskApp} wires one
 * signed-in user's window by hand. Views bind to view models; view models read the local store and
 * never touch a node.
 */
package com.recruitdesk.app;
