/** Descent: learning networks by backpropagation and gradient descent. */
package org.descent;
