package io.iocmonitor.api;

/** A request parameter that cannot be served; the message names it. */
class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
