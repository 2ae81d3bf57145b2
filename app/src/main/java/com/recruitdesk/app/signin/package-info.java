/** The sign-in window: server address, email, password, and a clear message when sign-in fails. */
package com.recruitdesk.app.signin;
