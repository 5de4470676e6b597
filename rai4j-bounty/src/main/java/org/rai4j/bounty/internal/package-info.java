/**
 * Implementation details of the bias-bounty engine (predicate lexer and parser, row bit masks,
 * canonical JSON for the audit log, the regression tree of the hunter). Not API: may change anytime.
 */
package org.rai4j.bounty.internal;
