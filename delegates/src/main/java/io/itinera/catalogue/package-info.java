/**
 * The catalogue of names in use: attribute names contacts have had and property names each event
 * type has had, which the journey check reads to flag a name nobody ever sent.
 */
package io.itinera.catalogue;
