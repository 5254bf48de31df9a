package org.descent.internal.kernel;

import java.lang.System.Logger.Level;
import org.descent.DescentException;

/**
 * Chooses the kernels once, at start-up, as Lucene's vectorization provider does: the Vector API
 * when the JVM was started with {@code --add-modules jdk.incubator.vector}, the scalar loops
 * otherwise, and one log line naming the choice, the vector width and the register tile. The
 * width is the platform's preferred one unless {@value VectorWidth#PROPERTY} forces 128, 256 or
 * 512 bits; a bad value makes every use of the kernels fail with one {@link DescentException}.
 */
final class KernelProvider {
    private static final DescentException FAILURE;
    static final Kernels ACTIVE;

    static {
        Kernels kernels = null;
        DescentException failure = null;
        try {
            kernels = announce(create(vectorModulePresent()));
        } catch (DescentException e) {
            failure = e;
        }
        ACTIVE = kernels;
        FAILURE = failure;
    }

    private KernelProvider() {
    }

    /** {@link #ACTIVE}, or the reason there is none (a constant test once compiled). */
    static Kernels active() {
        Kernels kernels = ACTIVE;
        if (kernels == null) {
            throw new DescentException(FAILURE.getMessage());
        }
        return kernels;
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The Vector API kernels if {@code useVectorModule} and they load, else the scalar ones.
     *
     * @throws DescentException if {@value VectorWidth#PROPERTY} is set to anything but 128, 256 or 512
     */
    static Kernels create(boolean useVectorModule) {
        VectorWidth.requested(); // checked before any Vector API class is initialized
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
