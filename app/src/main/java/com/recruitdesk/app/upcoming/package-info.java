/**
 * The stand-in for a pane not built yet: it says what the pane will do and what this computer
 * already holds for it, and shows its feature's rejected changes.
 */
package com.recruitdesk.app.upcoming;
