package io.iocmonitor.api;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.iocmonitor.ingest.DeadLetters;
import io.iocmonitor.security.Scopes;

/** {@code GET /api/v1/dead-letters}: the newest rejected messages (SPEC §8). */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

    record DeadLetterJson(String receivedAt, String topic, String reason, String payload) {
    }

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetterJson> deadLetters(@RequestParam(defaultValue = "100") int limit, Authentication user) {
        try {
            return deadLetters.latest(limit, Scopes.of(user)).stream()
                    .map(d -> new DeadLetterJson(d.receivedAt().toString(), d.topic(), d.reason(), d.payload()))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
