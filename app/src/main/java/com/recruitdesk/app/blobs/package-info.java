/** Files on this computer: downloaded to show or open, attached to be uploaded before their message. */
package com.recruitdesk.app.blobs;
