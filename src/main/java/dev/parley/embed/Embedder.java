package dev.parley.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.parley.schema.DenseSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Turns passages and queries into L2-normalised vectors with one {@link DenseModel}, in-process.
 *
 * <p>Each text is encoded <em>alone</em> (a batch of one, never padded beside other texts): a
 * quantised model's output shifts slightly with batching, so encoding one text at a time is what
 * makes a passage's vector depend on its text only, whatever the thread count or input order. Texts
 * longer than the model's 512 word pieces are cut into windows whose vectors langchain4j averages.
 *
 * <p>Work runs on the calling thread. The embedder keeps a pool of up to {@code sessions} ONNX
 * Runtime sessions, each single-threaded (one intra-op thread), created on first need: as many
 * threads as sessions embed in parallel, more wait for a free session. A session holds the model
 * (about 35 MB) and its own working memory.
 *
 * <p>Tokenizer, pooling and normalisation are langchain4j's ({@link OnnxBertBiEncoder}); Parley
 * only adds the model's prefixes and builds the sessions.
 *
 * <p>Thread safety: safe for concurrent use. {@link #close()} releases the sessions; call it once
 * no thread embeds any more.
 */
public final class Embedder implements AutoCloseable {
  private final DenseModel model;
  private final String version;
  private final int maxSessions;
  private final OrtEnvironment environment;
  private final BlockingQueue<Session> idle;
  private final List<Session> all = new ArrayList<>();
  private volatile boolean closed;

  private Embedder(DenseModel model, int sessions) {
    this.model = model;
    this.maxSessions = sessions;
    this.idle = new ArrayBlockingQueue<>(sessions);
    this.environment = OrtEnvironment.getEnvironment();
    this.version = artifactVersion(model);
  }

  /**
   * Opens an embedder for {@code model} with at most {@code sessions} sessions (parallel threads).
   * The first session is created at once, so a missing or broken model fails here.
   *
   * @throws IllegalStateException if the model's artifact is not on the class path, naming the
   *     Maven coordinates to add
   * @throws IllegalArgumentException if {@code sessions} is not in [1, 256]
   */
  public static Embedder open(DenseModel model, int sessions) {
    Objects.requireNonNull(model, "model");
    if (sessions < 1 || sessions > 256) {
      throw new IllegalArgumentException("sessions must be in [1, 256], got: " + sessions);
    }
    Embedder embedder;
    try {
      embedder = new Embedder(model, sessions);
    } catch (NoClassDefFoundError e) {
      throw missing(model, e);
    }
    embedder.release(embedder.create());
    return embedder;
  }

  private static IllegalStateException missing(DenseModel model, Throwable cause) {
    return new IllegalStateException(
        "embedding model "
            + model.id()
            + " is not available: add the dependency dev.langchain4j:"
            + model.artifact()
            + " (it is optional in Parley's pom; the parley.jar command line includes it)",
        cause);
  }

  /** The model. */
  public DenseModel model() {
    return model;
  }

  /** What an index embedded by this embedder records in its manifest. */
  public DenseSpec spec() {
    return new DenseSpec(model.id(), model.dimension(), version);
  }

  /**
   * The vector of a passage's text (the model's passage prefix is added here).
   *
   * @throws IllegalArgumentException if the text is blank
   */
  public float[] passage(String text) {
    return embed(model.passagePrefix() + requireText(text));
  }

  /**
   * The vector of a query's text (the model's query prefix is added here).
   *
   * @throws IllegalArgumentException if the text is blank
   */
  public float[] query(String text) {
    return embed(model.queryPrefix() + requireText(text));
  }

  private static String requireText(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("cannot embed blank text");
    }
    return text;
  }

  private float[] embed(String text) {
    Session session = borrow();
    try {
      float[] v = session.model.embed(text).content().vector();
      if (v.length != model.dimension()) {
        throw new IllegalStateException(
            model.id() + " gave a vector of " + v.length + " dimensions, not " + model.dimension());
      }
      return v;
    } finally {
      release(session);
    }
  }

  private Session borrow() {
    if (closed) {
      throw new IllegalStateException("embedder for " + model.id() + " is closed");
    }
    Session s = idle.poll();
    if (s != null) {
      return s;
    }
    synchronized (all) {
      if (all.size() < maxSessions) {
        return create();
      }
    }
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an embedding session", e);
    }
  }

  private void release(Session s) {
    idle.offer(s);
  }

  /** A new single-threaded session over the model in the artifact's jar. */
  private Session create() {
    synchronized (all) {
      try (InputStream onnx = resource(model.modelResource());
          InputStream tokenizer = resource(model.tokenizerResource());
          OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        // One thread per session: parallelism comes from several sessions on several threads,
        // which scales better than one session's intra-op threads for short texts.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        OrtSession session = environment.createSession(onnx.readAllBytes(), options);
        OnnxBertBiEncoder encoder =
            new OnnxBertBiEncoder(
                environment,
                session,
                tokenizer,
                model.meanPooling() ? PoolingMode.MEAN : PoolingMode.CLS);
        Session s = new Session(session, new EncoderModel(encoder, model.dimension()));
        all.add(s);
        return s;
      } catch (OrtException | IOException e) {
        throw new IllegalStateException(
            "cannot load embedding model " + model.id() + ": " + e.getMessage(), e);
      }
    }
  }

  private InputStream resource(String name) {
    InputStream in = OnnxBertBiEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw missing(model, null);
    }
    return in;
  }

  /** The Maven version of the model's artifact, from the pom.properties in its jar. */
  private static String artifactVersion(DenseModel model) {
    String path = "META-INF/maven/dev.langchain4j/" + model.artifact() + "/pom.properties";
    try (InputStream in = OnnxBertBiEncoder.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Releases every session. */
  @Override
  public void close() {
    closed = true;
    synchronized (all) {
      for (Session s : all) {
        try {
          s.session.close();
        } catch (OrtException e) {
          // Nothing to do: the process keeps going without this session.
        }
      }
      all.clear();
      idle.clear();
    }
  }

  private record Session(OrtSession session, EncoderModel model) {}

  /**
   * langchain4j's in-process model over our own session: its {@code embed} tokenizes, runs the
   * session, pools and normalises. Work stays on the calling thread (one text at a time never goes
   * to the executor).
   */
  private static final class EncoderModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    EncoderModel(OnnxBertBiEncoder encoder, int dimension) {
      super(Runnable::run);
      this.encoder = encoder;
      this.dimension = dimension;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return dimension;
    }
  }
}
