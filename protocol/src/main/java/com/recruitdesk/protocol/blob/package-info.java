/** Files (photos, documents, media) stored by the server and referenced by rows. */
package com.recruitdesk.protocol.blob;
