/**
 * Email templates and inline SMS texts (Thymeleaf): files, rendering, and the text and subject derived
 * from them.
 */
package io.itinera.template;
