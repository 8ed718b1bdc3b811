/**
 * Fuzzing of payload parsers and webhook handlers: {@link org.socialcare.testkit.fuzz.PayloadFuzz} turns real
 * payloads into hostile ones (random bytes, cuts, mutations, wrong types, huge values, invalid UTF-8) and checks
 * that every entry point ends each case in a typed result.
 */
package org.socialcare.testkit.fuzz;
