/**
 * Networks as modules: {@link org.descent.nn.Linear} affine maps, activations (vector
 * activations included), {@link org.descent.nn.Sequential} stacks and DAG graphs, with stably
 * named {@link org.descent.nn.Parameter}s and shapes checked when a network is built.
 */
package org.descent.nn;
