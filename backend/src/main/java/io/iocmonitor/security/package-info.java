/** Users, roles and the province scope every query is limited to. */
@NullMarked
package io.iocmonitor.security;

import org.jspecify.annotations.NullMarked;
