/*
 * A fixed AVX-512 workload whose speed depends only on the core it runs on: 12 independent chains
 * of fused multiply-adds in registers, no memory traffic. Prints GFLOP/s for each quarter second,
 * so that a core that is slower than its sibling, or slower at times, shows in the numbers.
 *
 *   cpu_canary SECONDS
 */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 5;
    __m512 chain[12];
    for (int i = 0; i < 12; i++) {
        chain[i] = _mm512_set1_ps(1.0f + i * 1e-7f);
    }
    const __m512 b = _mm512_set1_ps(0.9999999f), c = _mm512_set1_ps(1e-7f);
    const long steps = 5000000; /* about a quarter second at 2.6 GHz */
    double start = now();
    while (now() - start < seconds) {
        double t = now();
        for (long s = 0; s < steps; s++) {
            for (int i = 0; i < 12; i++) {
                chain[i] = _mm512_fmadd_ps(chain[i], b, c);
            }
        }
        printf("%.0f ", steps * 12 * 16 * 2 / (now() - t) / 1e9);
        fflush(stdout);
    }
    float sum = 0; /* keeps the chains alive */
    for (int i = 0; i < 12; i++) {
        sum += _mm512_reduce_add_ps(chain[i]);
    }
    printf("\n# checksum %g\n", sum);
    return 0;
}
