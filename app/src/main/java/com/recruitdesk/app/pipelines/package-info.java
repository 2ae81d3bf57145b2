/** The Pipelines pane (jobs, applications by stage); its data package declares how the store files their rows. */
package com.recruitdesk.app.pipelines;
