package org.descent.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One local Spark context with two worker threads for all tests of the JVM (starting one takes
 * seconds); Spark stops it when the JVM exits.
 */
final class LocalSpark {
    private static JavaSparkContext context;

    private LocalSpark() {
    }

    static synchronized JavaSparkContext context() {
        if (context == null) {
            context = new JavaSparkContext(new SparkConf()
                    .setMaster("local[2]")
                    .setAppName("descent-spark-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1"));
        }
        return context;
    }
}
