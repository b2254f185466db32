/** Reading the collector's YAML configuration with errors that name the file and the field. */
@NullMarked
package io.iocmonitor.collector.config;

import org.jspecify.annotations.NullMarked;
