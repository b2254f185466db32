package io.iocmonitor.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description served at /v3/api-docs and browsable at /swagger-ui/index.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    @Bean
    OpenAPI iocMonitorApi() {
        return new OpenAPI()
                .info(new Info().title("IOC Monitor API").version("v1").description("""
                        KPIs, VNeID, outages, dead letters and reference data of IOC Monitor (SPEC §8). Dates are \
                        local dates in Asia/Ho_Chi_Minh, periods [from, to). Every answer is cut to the caller's \
                        province scope; an explicit province outside it is 403."""))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
