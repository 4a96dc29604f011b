/**
 * What our SQL needs to know about the database it runs on (PostgreSQL or H2), in one place.
 */
package io.itinera.database;
