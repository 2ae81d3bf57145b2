/** Sign-in: login, refresh-token rotation, logout. */
package com.recruitdesk.protocol.auth;
