/**
 * Health components beyond Spring Boot's own.
 */
package io.itinera.health;
