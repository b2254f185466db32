/** The REST API of SPEC §8 under {@code /api/v1}, scoped like the UI. */
@NullMarked
package io.iocmonitor.api;

import org.jspecify.annotations.NullMarked;
