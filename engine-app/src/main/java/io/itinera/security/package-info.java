/**
 * Credentials from the environment, what the embedded defaults may do, and the failed-login limit.
 */
package io.itinera.security;
