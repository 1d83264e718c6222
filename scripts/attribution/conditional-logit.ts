// A conditional logit (a softmax over each quote's candidates, one weight per feature), fitted by
// full-batch gradient descent with Adam steps from zero weights: the same examples in the same
// order give the same weights, bit for bit. A quote may have several right candidates (two
// mentions of one person, or "nobody" and an unnamed source); the likelihood is that of any.

export interface Example {
  /** Each candidate's features, as indices into the model's feature list. */
  candidates: number[][];
  /** Which candidates are right. */
  right: boolean[];
}

export interface FitOptions {
  iterations: number;
  /** L2 penalty per example on every weight. */
  l2: number;
  learningRate: number;
}

export const DEFAULT_FIT: FitOptions = { iterations: 400, l2: 0.002, learningRate: 0.05 };

function probabilities(w: Float64Array, ex: Example): number[] {
  const z = ex.candidates.map((fs) => fs.reduce((s, f) => s + w[f]!, 0));
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** The weights that maximise the penalised likelihood of the right candidates. */
export function fitConditionalLogit(examples: Example[], featureCount: number, options: FitOptions = DEFAULT_FIT): Float64Array {
  const w = new Float64Array(featureCount);
  const m = new Float64Array(featureCount);
  const v = new Float64Array(featureCount);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= options.iterations; t++) {
    const grad = new Float64Array(featureCount);
    for (const ex of examples) {
      const p = probabilities(w, ex);
      const right = p.reduce((s, pi, i) => s + (ex.right[i] ? pi : 0), 0);
      if (right <= 0) continue;
      // d(−log Σ_right p)/dz_i = p_i − [i right] · p_i / Σ_right p
      ex.candidates.forEach((fs, i) => {
        const g = p[i]! - (ex.right[i] ? p[i]! / right : 0);
        for (const f of fs) grad[f]! += g;
      });
    }
    for (let f = 0; f < featureCount; f++) {
      const g = grad[f]! / examples.length + options.l2 * w[f]!;
      m[f] = b1 * m[f]! + (1 - b1) * g;
      v[f] = b2 * v[f]! + (1 - b2) * g * g;
      const mh = m[f]! / (1 - b1 ** t);
      const vh = v[f]! / (1 - b2 ** t);
      w[f]! -= (options.learningRate * mh) / (Math.sqrt(vh) + eps);
    }
  }
  return w;
}

/** The index of the most probable candidate and its probability. */
export function predict(w: Float64Array, ex: Example): { best: number; probability: number } {
  const p = probabilities(w, ex);
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return { best, probability: p[best]! };
}
