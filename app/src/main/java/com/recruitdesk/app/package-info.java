/**
 * The RecruitDesk desktop app. Features live in packages of their own (sign-in, main window, status
 * bar, overview); the local store and the sync engine sit beneath them. Views bind to view models;
 * view models read the local store and never touch a node.
 */
package com.recruitdesk.app;
