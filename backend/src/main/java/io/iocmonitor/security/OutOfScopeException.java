package io.iocmonitor.security;

/** A query named a province outside the caller's scope. */
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String province) {
        super("province " + province + " is outside your scope");
    }
}
