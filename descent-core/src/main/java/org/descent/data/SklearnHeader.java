package org.descent.data;

import java.util.Arrays;
import java.util.List;
import org.descent.DescentException;

/**
 * The first line of scikit-learn's bundled CSV files, {@code samples,features,class names...}
 * (for example {@code 150,4,setosa,versicolor,virginica}), which announces the table's size.
 */
record SklearnHeader(int samples, int features, List<String> classNames) {

    /**
     * The header if the first line is one: two non-negative integers followed by class names
     * that are not numbers (or, without names, a line narrower than the data).
     */
    static SklearnHeader detect(List<String[]> lines) {
        if (lines.isEmpty() || lines.get(0).length < 2) {
            return null;
        }
        String[] first = lines.get(0);
        if (!isCount(first[0]) || !isCount(first[1])) {
            return null;
        }
        List<String> names = Arrays.asList(first).subList(2, first.length);
        for (String name : names) {
            if (name.isEmpty() || isNumber(name)) {
                return null;
            }
        }
        if (names.isEmpty() && (lines.size() < 2 || lines.get(1).length == 2)) {
            return null;
        }
        return new SklearnHeader(Integer.parseInt(first[0]), Integer.parseInt(first[1]), List.copyOf(names));
    }

    /** Fails unless the data have the announced number of rows and features + 1 columns. */
    void check(String file, int rows, int width) {
        if (rows != samples || width != features + 1) {
            throw new DescentException(file + ": the first line announces " + samples + " samples of " + features
                    + " features plus a label column, but the file has " + rows + " rows of " + width + " columns");
        }
    }

    private static boolean isCount(String field) {
        return !field.isEmpty() && field.length() < 10 && field.chars().allMatch(Character::isDigit);
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
