package org.rai4j.onnx;

import org.rai4j.core.Preconditions;

import java.util.Set;

/**
 * What an ONNX artefact may be: at most {@code maxBytes} bytes, operators only from
 * {@code allowedDomains} (custom-op domains are rejected before ONNX Runtime sees the model), no
 * external-data tensors. Immutable.
 *
 * @param maxBytes       file size cap
 * @param allowedDomains operator-set domains allowed ({@code ""} is the default ONNX domain)
 */
public record OnnxLimits(long maxBytes, Set<String> allowedDomains) {
    /** 16 MiB; the standard domains {@code ""}, {@code ai.onnx} and {@code ai.onnx.ml}. */
    public static final OnnxLimits DEFAULT = new OnnxLimits(16L << 20, Set.of("", "ai.onnx", "ai.onnx.ml"));

    public OnnxLimits {
        Preconditions.checkAtLeast(maxBytes, 1, "maxBytes");
        allowedDomains = Set.copyOf(allowedDomains);
    }
}
