package io.itinera.mailsink;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The messages the embedded mail sink caught, one {@code <id>.eml} file each in a directory of their own, so
 * they outlive a restart; only the newest {@code keep} stay. Ids grow with each message and are never reused
 * while a file with a higher one is left.
 */
class CaughtEmails {

  private static final String SUFFIX = ".eml";

  private final Path directory;
  private final int keep;
  private final Function<String, Optional<String>> contactOfMessageId;
  private final Session session = Session.getInstance(new Properties());
  private long lastId;
  private MovingMessage lastCaught;

  /**
   * @param contactOfMessageId the contact a message was sent to, by its Message-ID
   */
  CaughtEmails(Path directory, int keep, Function<String, Optional<String>> contactOfMessageId) {
    if (keep < 1) {
      throw new IllegalArgumentException("The mail sink must keep at least one message, not " + keep);
    }
    this.directory = directory;
    this.keep = keep;
    this.contactOfMessageId = contactOfMessageId;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the mail sink's directory " + directory.toAbsolutePath(), e);
    }
    lastId = ids().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /**
   * Keeps every message the SMTP server receives, once however many recipients it has, before the server
   * delivers it as it would without us.
   */
  void catchFrom(GreenMail smtpServer) {
    var users = smtpServer.getUserManager();
    var delivery = users.getMessageDeliveryHandler();
    users.setMessageDeliveryHandler(new Keeping(delivery, users));
  }

  /** Newest first. */
  List<CaughtEmail> all() {
    return ids().stream().sorted(Comparator.reverseOrder()).map(this::byId).flatMap(Optional::stream).toList();
  }

  Optional<CaughtEmail> byId(long id) {
    return source(id).map(raw -> read(id, raw));
  }

  /** The message exactly as received, headers and MIME parts. */
  Optional<byte[]> source(long id) {
    var file = file(id);
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException pruned) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized long keep(MimeMessage message) throws MessagingException, IOException {
    var raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    var id = ++lastId;
    var partial = directory.resolve(id + SUFFIX + ".partial");
    Files.write(partial, raw.toByteArray());
    Files.move(partial, file(id), StandardCopyOption.ATOMIC_MOVE);
    var ids = ids();
    Collections.sort(ids);
    for (var old : ids.subList(0, Math.max(0, ids.size() - keep))) {
      Files.deleteIfExists(file(old));
    }
    return id;
  }

  private Path file(long id) {
    return directory.resolve(id + SUFFIX);
  }

  private List<Long> ids() {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(SUFFIX) && name.length() > SUFFIX.length())
          .map(name -> name.substring(0, name.length() - SUFFIX.length()))
          .filter(id -> id.chars().allMatch(Character::isDigit) && id.length() < 19)
          .map(Long::valueOf)
          .collect(Collectors.toCollection(ArrayList::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CaughtEmail read(long id, byte[] raw) {
    try {
      var message = new MimeMessage(session, new ByteArrayInputStream(raw));
      var bodies = new HashMap<String, String>();
      collectBodies(message, bodies);
      var headers = new ArrayList<CaughtEmail.Header>();
      for (var all = message.getAllHeaders(); all.hasMoreElements(); ) {
        var header = all.nextElement();
        headers.add(new CaughtEmail.Header(header.getName(), MimeUtility.unfold(header.getValue())));
      }
      var messageId = message.getMessageID();
      return new CaughtEmail(
          id,
          Files.getLastModifiedTime(file(id)).toInstant(),
          addresses(message.getFrom()).stream().findFirst().orElse(null),
          addresses(message.getAllRecipients()),
          message.getSubject(),
          messageId,
          messageId == null ? null : contactOfMessageId.apply(messageId).orElse(null),
          List.copyOf(headers),
          bodies.get("text/plain"),
          bodies.get("text/html"));
    } catch (MessagingException e) {
      throw new IllegalStateException("The mail sink holds an unreadable message " + file(id), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collectBodies(Part part, Map<String, String> bodies) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collectBodies(multipart.getBodyPart(i), bodies);
      }
    } else if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
      var type = part.isMimeType("text/html") ? "text/html" : "text/plain";
      bodies.putIfAbsent(type, String.valueOf(part.getContent()));
    }
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  /**
   * GreenMail asks once per recipient, with the same message: it is kept the first time. GreenMail's own
   * mailboxes, which tests read, are held to the same bound, oldest out first.
   */
  private final class Keeping implements MessageDeliveryHandler {
    private final MessageDeliveryHandler delivery;
    private final UserManager users;

    Keeping(MessageDeliveryHandler delivery, UserManager users) {
      this.delivery = delivery;
      this.users = users;
    }

    @Override
    public GreenMailUser handle(MovingMessage message, MailAddress recipient)
        throws MessagingException, UserException {
      synchronized (CaughtEmails.this) {
        if (message != lastCaught) {
          lastCaught = message;
          try {
            keep(message.getMessage());
            makeRoomInMailboxes();
          } catch (IOException | FolderException e) {
            throw new MessagingException("The mail sink could not keep the message in " + directory, e);
          }
        }
      }
      return delivery.handle(message, recipient);
    }

    /** Leaves room for one more message among the newest {@code keep}. */
    private void makeRoomInMailboxes() throws FolderException {
      var imap = users.getImapHostManager();
      var held = new ArrayList<Map.Entry<MailFolder, StoredMessage>>();
      for (var user : users.listUser()) {
        var inbox = imap.getInbox(user);
        inbox.getMessages().forEach(stored -> held.add(Map.entry(inbox, stored)));
      }
      held.sort(Comparator.comparing((Map.Entry<MailFolder, StoredMessage> entry) -> entry.getValue().getReceivedDate())
          .thenComparing(entry -> entry.getValue().getUid()));
      var emptied = new HashSet<MailFolder>();
      for (var oldest : held.subList(0, Math.max(0, held.size() - keep + 1))) {
        oldest.getValue().setFlag(Flags.Flag.DELETED, true);
        emptied.add(oldest.getKey());
      }
      for (var folder : emptied) {
        folder.expunge();
      }
    }
  }
}
