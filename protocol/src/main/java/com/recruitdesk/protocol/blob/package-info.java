/** Files: what the blob endpoints answer about a stored file. */
package com.recruitdesk.protocol.blob;
