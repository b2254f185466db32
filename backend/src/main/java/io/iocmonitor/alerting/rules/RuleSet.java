package io.iocmonitor.alerting.rules;

import java.util.List;
import java.util.Optional;

/**
 * The rules of a folder, or the problems that kept it from loading.
 *
 * @param errors empty when every file is valid; else one message per problem, naming file, rule and field
 */
public record RuleSet(List<Rule> rules, List<String> errors) {

    public RuleSet {
        rules = List.copyOf(rules);
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
