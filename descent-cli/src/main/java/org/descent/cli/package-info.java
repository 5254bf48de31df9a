/** The {@code descent} command line: train, evaluate, predict, minimize, analyze. */
package org.descent.cli;
