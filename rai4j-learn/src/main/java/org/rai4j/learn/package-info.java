/**
 * Models rai4j trains itself. Deterministic L2-regularised logistic regression (Newton–Raphson) and the
 * feature encoding that turns a {@link org.rai4j.core.Table} into a design matrix; and gradient-trained
 * classifiers for (DP-)SGD — {@link org.rai4j.learn.DenseNetwork} (logistic and softmax regression, ReLU
 * multilayer perceptron) and {@link org.rai4j.learn.EmbeddingBagClassifier} — behind
 * {@link org.rai4j.learn.GradientModel}, whose {@link org.rai4j.learn.BackwardPass} yields per-example
 * gradient norms and weighted gradient sums from one pass, plus plain minibatch {@link org.rai4j.learn.Sgd}.
 */
package org.rai4j.learn;
