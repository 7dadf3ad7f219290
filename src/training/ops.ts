// Linear-algebra operations on tensors, each with its backward pass right beside it:
// matrix product, elementwise sum, bias broadcast over rows.

import { operation, type Tensor, tensorLike } from './tensor.ts';

function assertShape(ok: boolean, what: string): void {
  if (!ok) throw new Error(`shape mismatch: ${what}`);
}

/** a (n×k) · b (k×m) → n×m */
export function matmul(a: Tensor, b: Tensor): Tensor {
  assertShape(a.cols === b.rows, 'matmul');
  const n = a.rows,
    k = a.cols,
    m = b.cols;
  const out = tensorLike(a, n, m);
  const A = a.data,
    B = b.data,
    C = out.data,
    dA = a.grad,
    dB = b.grad,
    dC = out.grad;
  return operation(
    out,
    [a, b],
    () => {
      C.fill(0);
      for (let i = 0; i < n; i++) {
        const ci = i * m;
        for (let p = 0; p < k; p++) {
          const av = A[i * k + p],
            bp = p * m;
          for (let j = 0; j < m; j++) C[ci + j] += av * B[bp + j];
        }
      }
    },
    () => {
      // dA = dC · Bᵀ ; dB = Aᵀ · dC
      for (let i = 0; i < n; i++) {
        const ci = i * m;
        for (let p = 0; p < k; p++) {
          const av = A[i * k + p],
            bp = p * m;
          let s = 0;
          for (let j = 0; j < m; j++) {
            const g = dC[ci + j];
            s += g * B[bp + j];
            dB[bp + j] += av * g;
          }
          dA[i * k + p] += s;
        }
      }
    },
  );
}

/** Elementwise a + b (same shape). */
export function add(a: Tensor, b: Tensor): Tensor {
  assertShape(a.rows === b.rows && a.cols === b.cols, 'add');
  const out = tensorLike(a);
  const A = a.data,
    B = b.data,
    C = out.data,
    dA = a.grad,
    dB = b.grad,
    dC = out.grad;
  return operation(
    out,
    [a, b],
    () => {
      for (let i = 0; i < C.length; i++) C[i] = A[i] + B[i];
    },
    () => {
      for (let i = 0; i < dC.length; i++) {
        dA[i] += dC[i];
        dB[i] += dC[i];
      }
    },
  );
}

/** a (n×m) + bias (1×m), the bias row added to every row. */
export function addBias(a: Tensor, bias: Tensor): Tensor {
  assertShape(bias.rows === 1 && bias.cols === a.cols, 'addBias');
  const m = a.cols;
  const out = tensorLike(a);
  const A = a.data,
    B = bias.data,
    C = out.data,
    dA = a.grad,
    dB = bias.grad,
    dC = out.grad;
  return operation(
    out,
    [a, bias],
    () => {
      for (let i = 0; i < C.length; i += m) for (let j = 0; j < m; j++) C[i + j] = A[i + j] + B[j];
    },
    () => {
      for (let i = 0; i < dC.length; i += m)
        for (let j = 0; j < m; j++) {
          dA[i + j] += dC[i + j];
          dB[j] += dC[i + j];
        }
    },
  );
}

/** a × constant (used to weight loss terms). */
export function scale(a: Tensor, factor: number): Tensor {
  const out = tensorLike(a);
  const A = a.data,
    C = out.data,
    dA = a.grad,
    dC = out.grad;
  return operation(
    out,
    [a],
    () => {
      for (let i = 0; i < C.length; i++) C[i] = A[i] * factor;
    },
    () => {
      for (let i = 0; i < dC.length; i++) dA[i] += dC[i] * factor;
    },
  );
}
