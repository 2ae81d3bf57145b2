/**
 * How the app writes things for people, free of JavaFX so view models and data packages share it:
 * times in the user's zone, a person's name, an avatar's initials.
 */
package com.recruitdesk.app.format;
