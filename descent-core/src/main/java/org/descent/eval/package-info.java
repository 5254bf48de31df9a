/** Evaluation: accuracy, confusion matrix with per-class precision and recall, regression metrics. */
package org.descent.eval;
