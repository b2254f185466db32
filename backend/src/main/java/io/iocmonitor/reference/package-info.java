/**
 * Reference data: the 34 provinces (built in) and their commune-level units (placeholders with the real
 * counts until a communes file is imported).
 */
@NullMarked
package io.iocmonitor.reference;

import org.jspecify.annotations.NullMarked;
