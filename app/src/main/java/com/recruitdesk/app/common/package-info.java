/** What every feature shares: the task executor that keeps blocking work off the JavaFX thread. */
package com.recruitdesk.app.common;
