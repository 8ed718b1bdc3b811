package org.socialcare.twitter;
