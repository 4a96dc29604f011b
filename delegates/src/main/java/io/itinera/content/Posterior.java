package io.itinera.content;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The belief about one variant's logistic-regression weights: a Gaussian with this mean and precision
 * matrix (the Laplace approximation). {@link #update} folds in one observation with one Newton step
 * from the current mean, the online form of the Laplace update: precision grows by p(1-p)xx', the mean
 * moves by the new covariance times the gradient. Immutable; its Cholesky factors are computed once, when it is made.
 */
public final class Posterior {

  private final RealVector mean;
  private final RealMatrix precision;
  private final RealMatrix lowerFactor;
  private final RealMatrix upperFactor;

  Posterior(double[] mean, double[][] precision) {
    this.mean = new ArrayRealVector(mean);
    this.precision = new Array2DRowRealMatrix(precision);
    var cholesky = new CholeskyDecomposition(this.precision);
    this.lowerFactor = cholesky.getL();
    this.upperFactor = cholesky.getLT();
  }

  /** Weights 0 (every rate 50%, every variant alike) with precision {@code strength} on each weight. */
  public static Posterior prior(int size, double strength) {
    var precision = new double[size][size];
    for (int i = 0; i < size; i++) {
      precision[i][i] = strength;
    }
    return new Posterior(new double[size], precision);
  }

  /** The prior every variant starts from: weights 0 with precision 1, for today's features. */
  static Posterior standardPrior() {
    return prior(ContentFeatures.SIZE, 1);
  }

  int size() {
    return mean.getDimension();
  }

  public double[] mean() {
    return mean.toArray();
  }

  double[][] precision() {
    return precision.getData();
  }

  /** One draw of the weights: mean + L'^-1 z, where precision = LL' and z is standard normal. */
  double[] sample(RandomGenerator random) {
    var z = new double[size()];
    for (int i = 0; i < z.length; i++) {
      z[i] = random.nextGaussian();
    }
    var offset = new ArrayRealVector(z, false);
    MatrixUtils.solveUpperTriangularSystem(upperFactor, offset);
    return mean.add(offset).toArray();
  }

  /**
   * The expected rate in this context, the weights' uncertainty included (MacKay's probit approximation:
   * the logit of the mean shrunk by sqrt(1 + pi s^2 / 8), s^2 the variance of x'w).
   */
  public double predictedRate(double[] x) {
    var solved = new ArrayRealVector(x);
    MatrixUtils.solveLowerTriangularSystem(lowerFactor, solved);
    var variance = solved.dotProduct(solved);
    return sigmoid(mean.dotProduct(new ArrayRealVector(x, false)) / Math.sqrt(1 + Math.PI * variance / 8));
  }

  static double score(double[] weights, double[] x) {
    var sum = 0.0;
    for (int i = 0; i < x.length; i++) {
      sum += weights[i] * x[i];
    }
    return sum;
  }

  /** The belief after seeing reward {@code reward} (0 or 1) in context {@code x}. */
  public Posterior update(double[] x, int reward) {
    var features = new ArrayRealVector(x, false);
    var p = sigmoid(mean.dotProduct(features));
    var updated = precision.add(features.outerProduct(features).scalarMultiply(p * (1 - p)));
    var step = new CholeskyDecomposition(updated).getSolver().solve(features.mapMultiply(reward - p));
    return new Posterior(mean.add(step).toArray(), updated.getData());
  }

  static double sigmoid(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }
}
