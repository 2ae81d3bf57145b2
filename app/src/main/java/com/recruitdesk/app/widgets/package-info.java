/**
 * The JavaFX pieces every pane shares: icons, avatars, pills, banners, the keyboard help and their
 * stylesheet ({@link com.recruitdesk.app.widgets.Widgets#STYLESHEET}). A new pane imports these
 * instead of copying them. Views only: nothing here reads the store or the network.
 */
package com.recruitdesk.app.widgets;
