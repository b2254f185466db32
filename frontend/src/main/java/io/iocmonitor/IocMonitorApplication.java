package io.iocmonitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * IOC Monitor: one application for the demo and production alike. Without an external database or broker it starts
 * embedded ones and the telemetry simulator (see {@code io.iocmonitor.demo}).
 */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@PWA(name = "IOC Monitor", shortName = "IOC")
@Push // the alerts console updates itself (SPEC §7: pushed, no manual refresh)
public class IocMonitorApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(IocMonitorApplication.class, args);
    }
}
