/** Implementation details of the ONNX adapter: a minimal protobuf wire-format reader and writer. Not API. */
package org.rai4j.onnx.internal;
