/** The main window frame: header, navigation between panes, status bar, remembered size and position. */
package com.recruitdesk.app.main;
