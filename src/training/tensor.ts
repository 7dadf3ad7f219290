// Tensor (a row-major matrix on a typed array, with its gradient) and the graph that runs
// forward and backward passes over a fixed set of operations without allocating.

export type DType = 'float32' | 'float64';
export type TensorData = Float32Array | Float64Array;

const noop = (): void => {};

/**
 * A rows×cols matrix. `forward` recomputes `data` from `inputs`; `backward` adds this
 * tensor's gradient into the inputs' gradients. Leaves (inputs, parameters) have neither.
 */
export class Tensor {
  readonly grad: TensorData;
  inputs: readonly Tensor[] = [];
  forward: () => void = noop;
  backward: () => void = noop;
  /** A frozen parameter still passes gradients on, but optimisers leave its values unchanged. */
  frozen = false;

  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: TensorData,
  ) {
    this.grad = data instanceof Float64Array ? new Float64Array(data.length) : new Float32Array(data.length);
  }

  get dtype(): DType {
    return this.data instanceof Float64Array ? 'float64' : 'float32';
  }
}

/** A new leaf tensor, zero-filled or copied from `values`. */
export function tensor(rows: number, cols: number, dtype: DType = 'float32', values?: ArrayLike<number>): Tensor {
  const data = dtype === 'float64' ? new Float64Array(rows * cols) : new Float32Array(rows * cols);
  if (values) data.set(values);
  return new Tensor(rows, cols, data);
}

/** A zero tensor with the given shape and the dtype of `like`. */
export function tensorLike(like: Tensor, rows = like.rows, cols = like.cols): Tensor {
  return tensor(rows, cols, like.dtype);
}

/** Makes `out` an operation node over `inputs` and computes it once (eager evaluation). */
export function operation(out: Tensor, inputs: Tensor[], forward: () => void, backward: () => void): Tensor {
  out.inputs = inputs;
  out.forward = forward;
  out.backward = backward;
  forward();
  return out;
}

/**
 * The operations that produce `root`, in dependency order. Built once; then `forward()` reruns
 * them after leaf data changed and `backward()` fills every gradient (d root / d tensor).
 */
export class Graph {
  readonly order: Tensor[] = [];

  constructor(readonly root: Tensor) {
    const seen = new Set<Tensor>();
    const visit = (t: Tensor): void => {
      if (seen.has(t)) return;
      seen.add(t);
      for (const input of t.inputs) visit(input);
      this.order.push(t);
    };
    visit(root);
  }

  forward(): number {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i].forward();
    return this.root.data[0];
  }

  backward(): void {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i].grad.fill(0);
    this.root.grad.fill(1);
    for (let i = order.length - 1; i >= 0; i--) order[i].backward();
  }
}
