/**
 * The seam every pane plugs into: a {@link com.recruitdesk.app.pane.PaneFactory} per feature (title,
 * who sees it, what it owns, how it is made from a {@link com.recruitdesk.app.pane.PaneContext}), the
 * {@link com.recruitdesk.app.pane.Pane} it makes, and the routing of rejected mutations to the pane
 * that owns them. It knows no feature: features depend on it, never the other way round.
 */
package com.recruitdesk.app.pane;
