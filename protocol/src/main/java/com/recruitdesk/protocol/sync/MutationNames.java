package com.recruitdesk.protocol.sync;

/** The names of the mutations the server knows; the argument records sit beside them. */
public final class MutationNames {
    public static final String SEND_MESSAGE = "conversation.sendMessage";
    public static final String SEND_TEMPLATE = "conversation.sendTemplate";
    public static final String SET_STATUS = "conversation.setStatus";
    public static final String ASSIGN = "conversation.assign";
    public static final String MARK_READ = "conversation.markRead";
    public static final String ADD_NOTE = "conversation.addNote";
    public static final String TAG_CANDIDATE = "candidate.tag";
    public static final String MOVE_APPLICATION = "application.move";
    public static final String SAVE_CANNED_RESPONSE = "cannedResponse.save";
    public static final String DELETE_CANNED_RESPONSE = "cannedResponse.delete";

    private MutationNames() {}
}
