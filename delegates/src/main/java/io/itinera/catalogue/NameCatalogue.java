package io.itinera.catalogue;

import io.itinera.database.InsertIfAbsent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sole owner of {@code attribute_name} and {@code event_property_name}: the names contacts and events
 * have had. Recording joins the caller's transaction and writes only names this node has not seen
 * committed yet, so taking in events of known shapes costs no write.
 */
@Repository
public class NameCatalogue {

  /** Longer names are not stored (the columns' size); the API refuses them anyway. */
  private static final int MAX_NAME_LENGTH = 128;
  /** Bounds the memory of names seen; past it, names are still recorded, each by a no-op insert. */
  private static final int MAX_REMEMBERED = 100_000;

  private final JdbcClient jdbc;
  private final InsertIfAbsent inserts;
  private final Set<String> recorded = ConcurrentHashMap.newKeySet();

  public NameCatalogue(JdbcClient jdbc, InsertIfAbsent inserts) {
    this.jdbc = jdbc;
    this.inserts = inserts;
  }

  public void recordAttributes(Collection<String> names) {
    record("attribute_name", List.of("name"), "", names);
  }

  public void recordProperties(String eventType, Collection<String> names) {
    record("event_property_name", List.of("event_type", "name"), eventType, names);
  }

  /** Every attribute name a contact has had, sorted. */
  public Set<String> attributeNames() {
    return new TreeSet<>(jdbc.sql("SELECT name FROM attribute_name").query(String.class).list());
  }

  /** Every property name an event of one of these types has had, sorted. */
  public Set<String> propertyNames(Collection<String> eventTypes) {
    if (eventTypes.isEmpty()) {
      return Set.of();
    }
    return new TreeSet<>(jdbc.sql("SELECT DISTINCT name FROM event_property_name WHERE event_type IN (:types)")
        .param("types", List.copyOf(eventTypes)).query(String.class).list());
  }

  /** Every property name an event of any type has had, sorted. */
  public Set<String> propertyNames() {
    return new TreeSet<>(jdbc.sql("SELECT DISTINCT name FROM event_property_name").query(String.class).list());
  }

  private void record(String table, List<String> key, String scope, Collection<String> names) {
    // Sorted, so that two transactions adding the same new names wait for each other in one order, never deadlock.
    var fresh = new TreeSet<String>();
    for (var name : names) {
      if (name.length() <= MAX_NAME_LENGTH && !recorded.contains(memoryKey(table, scope, name))) {
        fresh.add(name);
      }
    }
    for (var name : fresh) {
      var row = new LinkedHashMap<String, Object>();
      if (!scope.isEmpty()) {
        row.put(key.get(0), scope);
      }
      row.put("name", name);
      inserts.insert(table, key, row);
    }
    if (!fresh.isEmpty()) {
      rememberOnCommit(fresh.stream().map(name -> memoryKey(table, scope, name)).toList());
    }
  }

  /** A name is known only once its row is committed: a rolled-back intake must write it again when retried. */
  private void rememberOnCommit(List<String> keys) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      remember(keys);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        remember(keys);
      }
    });
  }

  private void remember(List<String> keys) {
    if (recorded.size() < MAX_REMEMBERED) {
      recorded.addAll(keys);
    }
  }

  private static String memoryKey(String table, String scope, String name) {
    return table + '\u0000' + scope + '\u0000' + name;
  }
}
