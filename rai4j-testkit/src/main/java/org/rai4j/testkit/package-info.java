/** Shared test fixtures: seeded generators, independent oracles and access to the shared real datasets. */
package org.rai4j.testkit;
