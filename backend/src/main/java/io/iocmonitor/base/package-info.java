/** Pieces every feature shares: the clock and the product's time zone. */
@NullMarked
package io.iocmonitor.base;

import org.jspecify.annotations.NullMarked;
