/**
 * ONNX Runtime adapter: load an ONNX model safely (size cap, standard operator domains only, no
 * external data, input width checked) and run it on float feature rows, with classifier outputs as
 * label tensors, probability tensors or ZipMap sequences all handled. Also builds small
 * {@code ai.onnx.ml} tree-ensemble classifiers ({@link org.rai4j.onnx.TreeEnsembleOnnx}).
 */
package org.rai4j.onnx;
