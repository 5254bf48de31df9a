package org.descent.minimize;

import org.descent.tensor.Tensor;

/** Says, in words, why one node of an expression produced a non-finite value from finite inputs. */
final class Diagnosis {
    private Diagnosis() {
    }

    static String describe(Expression node, Tensor result, Tensor... inputs) {
        double a = inputs[0].item();
        if (node instanceof Expression.Call call) {
            String argument = call.argument().source() + " = " + Vectors.format(a);
            if (call.function().equals("log") && a < 0) {
                return "log of a negative number: " + call.source() + " with " + argument;
            }
            if (call.function().equals("log") && a == 0) {
                return "log of zero: " + call.source() + " with " + argument;
            }
            if (call.function().equals("sqrt") && a < 0) {
                return "square root of a negative number: " + call.source() + " with " + argument;
            }
        }
        if (node instanceof Expression.Binary binary) {
            double b = inputs[1].item();
            if (binary.operator() == '/' && b == 0) {
                return "division by zero: " + binary.source() + " with " + binary.right().source() + " = 0";
            }
            if (binary.operator() == '^' && a <= 0) {
                return "power of a non-positive base: " + binary.source() + " with " + binary.left().source()
                        + " = " + Vectors.format(a) + (binary.right().highestVariable() == 0
                        ? "" : " (a variable exponent needs a positive base: a^b = exp(b·log a))");
            }
        }
        double value = result.item();
        return (Double.isNaN(value) ? "not a number: " : "overflow: ") + node.source() + " = " + value;
    }
}
