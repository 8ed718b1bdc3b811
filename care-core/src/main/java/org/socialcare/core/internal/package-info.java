/** Implementation details of the desk; not API, may change in any release. */
package org.socialcare.core.internal;
