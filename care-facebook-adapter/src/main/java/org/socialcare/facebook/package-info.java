package org.socialcare.facebook;
