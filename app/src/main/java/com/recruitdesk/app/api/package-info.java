/** The sync server's HTTP API as the app uses it: sign-in, token refresh, pull, push and the poke stream. */
package com.recruitdesk.app.api;
