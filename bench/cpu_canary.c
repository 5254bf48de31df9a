/*
 * A fixed workload whose speed depends only on the core it runs on: 12 independent chains of
 * fused multiply-adds in registers, no memory traffic, at the widest vector the compiler is
 * allowed (-march=native: 512 bits with AVX-512, else 256 with AVX2 + FMA). Twelve chains cover
 * the FMA latency (4 cycles) times two FMA units and fit AVX2's 16 registers. Prints GFLOP/s for
 * each quarter second, so that a core slower than its sibling, or slower at times, shows; the
 * best of them is the core's fp32 peak (bench/cpu-peak).
 *
 *   cpu_canary SECONDS
 */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#if defined(__AVX512F__)
typedef __m512 vec;
#define LANES 16
#define SET1 _mm512_set1_ps
#define FMA _mm512_fmadd_ps
#define STORE _mm512_storeu_ps
#elif defined(__AVX2__) && defined(__FMA__)
typedef __m256 vec;
#define LANES 8
#define SET1 _mm256_set1_ps
#define FMA _mm256_fmadd_ps
#define STORE _mm256_storeu_ps
#else
#error "cpu_canary needs AVX-512 or AVX2 with FMA (compile with -march=native)"
#endif

#define CHAINS 12

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 5;
    vec chain[CHAINS];
    for (int i = 0; i < CHAINS; i++) {
        chain[i] = SET1(1.0f + i * 1e-7f);
    }
    const vec b = SET1(0.9999999f), c = SET1(1e-7f);
    const long steps = 5000000; /* about a quarter second at 3 GHz with AVX-512 */
    double start = now();
    while (now() - start < seconds) {
        double t = now();
        for (long s = 0; s < steps; s++) {
            for (int i = 0; i < CHAINS; i++) {
                chain[i] = FMA(chain[i], b, c);
            }
        }
        printf("%.0f ", steps * CHAINS * LANES * 2 / (now() - t) / 1e9);
        fflush(stdout);
    }
    float lanes[LANES], sum = 0; /* keeps the chains alive */
    for (int i = 0; i < CHAINS; i++) {
        STORE(lanes, chain[i]);
        for (int l = 0; l < LANES; l++) {
            sum += lanes[l];
        }
    }
    printf("\n# %d lanes, checksum %g\n", LANES, sum);
    return 0;
}
