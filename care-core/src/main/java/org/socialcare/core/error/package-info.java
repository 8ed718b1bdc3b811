/**
 * Typed errors of the library. Each names what was wrong and what was expected; none carries a secret or an
 * unmasked card number.
 */
package org.socialcare.core.error;
