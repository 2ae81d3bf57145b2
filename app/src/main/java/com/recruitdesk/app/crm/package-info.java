/** The Sales pane: leads, clients and sales tasks (the CRM feature). */
package com.recruitdesk.app.crm;
