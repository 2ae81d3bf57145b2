/**
 * The Cohorts pane's reads and commands over the local store, no JavaFX: the review queue, a
 * document's bytes checked against the SHA-256 its decision will name, its pages rendered, the
 * decisions (and undoing one not yet sent), the enrollment's trail.
 */
package com.recruitdesk.app.cohorts.data;
