/**
 * The public links in every email (open pixel, click redirect, unsubscribe), answered without
 * login.
 */
package io.itinera.links;
