package io.iocmonitor.api;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;
import io.iocmonitor.security.Scopes;

@RestController
@RequestMapping("/api/v1/provinces")
class ProvinceController {

    record ProvinceJson(String code, String name, int communes) {
    }

    private final ReferenceData reference;

    ProvinceController(ReferenceData reference) {
        this.reference = reference;
    }

    @GetMapping
    List<ProvinceJson> provinces(Authentication user) {
        ProvinceScope scope = Scopes.of(user);
        return reference.provinces().stream()
                .filter(p -> scope.allows(p.code()))
                .map(p -> new ProvinceJson(p.code(), p.name(), p.communes()))
                .toList();
    }
}
