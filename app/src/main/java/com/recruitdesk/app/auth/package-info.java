/** Keeping the user signed in between runs: the stored session and its refresh token. */
package com.recruitdesk.app.auth;
