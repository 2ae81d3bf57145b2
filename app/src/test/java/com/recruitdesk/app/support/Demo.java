package com.recruitdesk.app.support;

/** The demo users of the server's demo data. */
public final class Demo {
    public static final String RECRUITER = "recruiter@demo.test";
    public static final String INTERVIEWER = "interviewer@demo.test";
    public static final String INSTITUTION_ADMIN = "institution_admin@demo.test";
    public static final String PASSWORD = "demo-password";

    private Demo() {}
}
