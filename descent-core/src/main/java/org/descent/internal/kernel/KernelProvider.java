package org.descent.internal.kernel;

import java.lang.System.Logger.Level;

/**
 * Chooses the kernels once, at start-up, as Lucene's vectorization provider does: the Vector API
 * when the JVM was started with {@code --add-modules jdk.incubator.vector}, the scalar loops
 * otherwise, and one log line naming the choice.
 */
final class KernelProvider {
    static final Kernels ACTIVE = announce(create(vectorModulePresent()));

    private KernelProvider() {
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The Vector API kernels if {@code useVectorModule} and they load, else the scalar ones. */
    static Kernels create(boolean useVectorModule) {
        if (!useVectorModule) {
            return ScalarKernels.INSTANCE;
        }
        try {
            // By name, so that the Vector API classes are never linked when the module is absent.
            Class<?> type = Class.forName("org.descent.internal.kernel.VectorKernels");
            return (Kernels) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            System.getLogger(Kernels.class.getName()).log(Level.WARNING,
                    "Descent: Vector API kernels failed to load (" + e + "); using scalar kernels");
            return ScalarKernels.INSTANCE;
        }
    }

    private static Kernels announce(Kernels kernels) {
        String hint = kernels == ScalarKernels.INSTANCE
                ? " (start Java with --add-modules jdk.incubator.vector for the Vector API kernels)" : "";
        System.getLogger(Kernels.class.getName()).log(Level.INFO, "Descent kernels: " + kernels.name() + hint);
        return kernels;
    }
}
