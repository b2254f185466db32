/** The Vaadin dashboard: log-in, layout and views. Views read through the KPI services, never SQL. */
@NullMarked
package io.iocmonitor.ui;

import org.jspecify.annotations.NullMarked;
