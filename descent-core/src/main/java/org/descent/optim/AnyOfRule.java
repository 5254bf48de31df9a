package org.descent.optim;

import java.util.List;
import java.util.Optional;
import org.descent.DescentException;

/** Fires when any of its rules fires; the first in order gives the reason. */
record AnyOfRule(List<StopRule> rules) implements StopRule {
    AnyOfRule {
        if (rules.isEmpty()) {
            throw new DescentException("anyOf needs at least one stop rule");
        }
    }

    @Override
    public Optional<StopReason> check(Progress progress) {
        for (StopRule rule : rules) {
            Optional<StopReason> reason = rule.check(progress);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (StopRule rule : rules) {
            sb.append(sb.length() > 0 ? " or " : "").append(rule);
        }
        return sb.toString();
    }
}
