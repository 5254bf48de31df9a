package org.descent.optim;

/** Why a run stopped: the rule that fired and a sentence with the values that made it fire. */
public record StopReason(StopRule rule, String message) {
    @Override
    public String toString() {
        return message;
    }
}
