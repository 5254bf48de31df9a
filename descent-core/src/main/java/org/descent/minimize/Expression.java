package org.descent.minimize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * The syntax tree of a parsed objective. Evaluation maps each node to the same tensor
 * operations a Java objective would use, so gradients and Hessians come from backpropagation:
 * {@code a^c} with a constant exponent c is {@code pow(c)}, a general {@code a^b} is
 * {@code exp(b·log a)}. Each node keeps where its source text is so that a non-finite value can
 * be traced to the sub-expression that produced it.
 */
sealed interface Expression {
    /** The functions of the grammar, by name. */
    Map<String, UnaryOperator<Tensor>> FUNCTIONS = functions();

    /** Where this sub-expression is in the text; the text is cut out only when a message needs it. */
    Span span();

    /** The text of this sub-expression, for messages. */
    default String source() {
        return span().text();
    }

    /** A range of the expression's text, shared by every node rather than copied into each. */
    record Span(String text, int from, int to) {
        public String text() {
            return text.substring(from, to).trim();
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** The highest i among the variables xi used (0 for a constant). */
    int highestVariable();

    /** The scalar value, with x1 … xn given as scalar tensors; {@code check} may be null. */
    Tensor evaluate(Tensor[] variables, Check check);

    /** Called on every node's result; throws if the node is where a value stopped being finite. */
    @FunctionalInterface
    interface Check {
        void after(Expression node, Tensor result, Tensor... inputs);
    }

    record Constant(double value, Span span) implements Expression {
        public int highestVariable() {
            return 0;
        }

        public Tensor evaluate(Tensor[] variables, Check check) {
            return Tensor.scalar(value, DType.FLOAT64);
        }
    }

    record Variable(int index, Span span) implements Expression {
        public int highestVariable() {
            return index;
        }

        public Tensor evaluate(Tensor[] variables, Check check) {
            return variables[index - 1];
        }
    }

    record Negation(Expression operand, Span span) implements Expression {
        public int highestVariable() {
            return operand.highestVariable();
        }

        public Tensor evaluate(Tensor[] variables, Check check) {
            return operand.evaluate(variables, check).neg();
        }
    }

    record Call(String function, Expression argument, Span span) implements Expression {
        public int highestVariable() {
            return argument.highestVariable();
        }

        public Tensor evaluate(Tensor[] variables, Check check) {
            Tensor a = argument.evaluate(variables, check);
            Tensor result = FUNCTIONS.get(function).apply(a);
            if (check != null) {
                check.after(this, result, a);
            }
            return result;
        }
    }

    /**
     * {@code left operator right}. A sum or product of many terms is a long chain of left
     * operands; it is walked in a loop, not recursively, so 20,000 terms do not overflow the stack.
     */
    record Binary(char operator, Expression left, Expression right, Span span) implements Expression {
        public int highestVariable() {
            int highest = 0;
            Expression node = this;
            while (node instanceof Binary binary) {
                highest = Math.max(highest, binary.right.highestVariable());
                node = binary.left;
            }
            return Math.max(highest, node.highestVariable());
        }

        public Tensor evaluate(Tensor[] variables, Check check) {
            List<Binary> chain = new ArrayList<>();
            Expression node = this;
            while (node instanceof Binary binary) {
                chain.add(binary);
                node = binary.left;
            }
            Tensor value = node.evaluate(variables, check);
            for (int i = chain.size() - 1; i >= 0; i--) {
                value = chain.get(i).apply(value, chain.get(i).right.evaluate(variables, check), check);
            }
            return value;
        }

        private Tensor apply(Tensor a, Tensor b, Check check) {
            Tensor result = switch (operator) {
                case '+' -> a.add(b);
                case '-' -> a.sub(b);
                case '*' -> a.mul(b);
                case '/' -> a.div(b);
                case '^' -> right.highestVariable() == 0 ? a.pow(b.item()) : b.mul(a.log()).exp();
                default -> throw new DescentException("unknown operator '" + operator + "' in " + source());
            };
            if (check != null) {
                check.after(this, result, a, b);
            }
            return result;
        }
    }

    private static Map<String, UnaryOperator<Tensor>> functions() {
        Map<String, UnaryOperator<Tensor>> table = new LinkedHashMap<>();
        table.put("exp", Tensor::exp);
        table.put("log", Tensor::log);
        table.put("sin", Tensor::sin);
        table.put("cos", Tensor::cos);
        table.put("tanh", Tensor::tanh);
        table.put("sigmoid", Tensor::sigmoid);
        table.put("softplus", Tensor::softplus);
        table.put("sqrt", Tensor::sqrt);
        table.put("abs", Tensor::abs);
        return Collections.unmodifiableMap(table);
    }
}
