/**
 * Networks as modules: {@link org.descent.nn.Linear} affine maps, activations (vector
 * activations included), {@link org.descent.nn.Sequential} stacks and DAG graphs, with stably
 * named {@link org.descent.nn.Parameter}s and {@link org.descent.nn.Buffer}s (one state map,
 * {@link org.descent.nn.Module#state()}), shapes checked when a network is built, and the
 * {@link org.descent.nn.LayerRegistry} through which model files name and rebuild layers.
 */
package org.descent.nn;
