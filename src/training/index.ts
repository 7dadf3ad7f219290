// Public API of the dependency-free training core: tensors with reverse-mode gradients, ops,
// activations, losses, regularisation, layers (dense and low-rank adapted), frozen parameters, quantisation,
// optimisers, initialisers, seeded RNG, data sets, trainer.

export { createRng, type Rng } from './rng.ts';
export { Graph, Tensor, operation, tensor, tensorLike, type DType, type TensorData } from './tensor.ts';
export { add, addBias, matmul, scale } from './ops.ts';
export { ACTIVATIONS, activate, linear, relu, sigmoid, softmax, tanh, type ActivationName } from './activations.ts';
export {
  PROBABILITY_EPSILON, binaryCrossEntropy, binaryCrossEntropyWithLogits, categoricalCrossEntropy, mse, softmaxCrossEntropyWithLogits,
} from './losses.ts';
export { l1, l2 } from './regularisation.ts';
export { INITIALISERS, UNIFORM_LIMIT, initialise, type InitialiserName } from './initialisers.ts';
export { dense, type Dense, type DenseOptions } from './dense.ts';
export { mlp, stack, type Mlp, type MlpOptions } from './mlp.ts';
export { lowRankDense, lowRankMlp, type LowRankDense } from './low-rank.ts';
export { dequantise, quantise, topLevel, type QuantFormat, type Quantised } from './quantise.ts';
export { OPTIMISERS, adam, createOptimiser, momentum, sgd, type Optimiser, type OptimiserName, type OptimiserOptions } from './optimisers.ts';
export {
  DATA_SETS, LINE_INTERCEPT, LINE_SLOPE, circles, makeDataSet, noisyLine, shuffledIndices, splitDataSet, spirals, twoGaussians, xor,
  type DataSet, type DataSetName, type DataSetOptions,
} from './datasets.ts';
export {
  LOSSES, REGULARISATIONS, createTrainer, type Evaluation, type LossName, type RegularisationName, type StepResult, type Trainer, type TrainerOptions,
} from './trainer.ts';
