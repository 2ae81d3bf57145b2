/** The Interviews pane (an interviewer's schedule and scorecards); its data package declares how the store files them. */
package com.recruitdesk.app.interviews;
