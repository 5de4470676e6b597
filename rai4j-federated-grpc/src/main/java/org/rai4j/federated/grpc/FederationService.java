package org.rai4j.federated.grpc;

import io.grpc.MethodDescriptor;

/** The gRPC method descriptors of service {@code rai4j.fl.v1.Federation} (see rai4j_fl_v1.proto). */
public final class FederationService {
    /** Fully qualified service name. */
    public static final String SERVICE = "rai4j.fl.v1.Federation";

    static final MethodDescriptor<Wire.JoinRequest, Wire.JoinReply> JOIN =
            MethodDescriptor.<Wire.JoinRequest, Wire.JoinReply>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Join"))
                    .setRequestMarshaller(Wire.marshaller(Wire::encode, Wire::decodeJoinRequest))
                    .setResponseMarshaller(Wire.marshaller(Wire::encode, Wire::decodeJoinReply))
                    .build();

    static final MethodDescriptor<Wire.TaskRequest, Wire.TaskChunk> PULL_TASK =
            MethodDescriptor.<Wire.TaskRequest, Wire.TaskChunk>newBuilder()
                    .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "PullTask"))
                    .setRequestMarshaller(Wire.marshaller(Wire::encode, Wire::decodeTaskRequest))
                    .setResponseMarshaller(Wire.marshaller(Wire::encode, Wire::decodeTaskChunk))
                    .build();

    static final MethodDescriptor<Wire.UpdateChunk, Wire.PushReply> PUSH_UPDATE =
            MethodDescriptor.<Wire.UpdateChunk, Wire.PushReply>newBuilder()
                    .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "PushUpdate"))
                    .setRequestMarshaller(Wire.marshaller(Wire::encode, Wire::decodeUpdateChunk))
                    .setResponseMarshaller(Wire.marshaller(Wire::encode, Wire::decodePushReply))
                    .build();

    private FederationService() {}
}
