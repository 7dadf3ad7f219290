// Public API of the dependency-free training core: tensors with reverse-mode gradients, ops,
// activations, losses, regularisation, layers (dense and low-rank adapted), frozen parameters, quantisation,
// optimisers, initialisers, seeded RNG, data sets, trainer.

export { ACTIVATIONS, type ActivationName, activate, linear, relu, sigmoid, softmax, tanh } from './activations.ts';
export {
  circles,
  DATA_SETS,
  type DataSet,
  type DataSetName,
  type DataSetOptions,
  LINE_INTERCEPT,
  LINE_SLOPE,
  makeDataSet,
  noisyLine,
  shuffledIndices,
  spirals,
  splitDataSet,
  twoGaussians,
  xor,
} from './datasets.ts';
export { type Dense, type DenseOptions, dense } from './dense.ts';
export { INITIALISERS, type InitialiserName, initialise, UNIFORM_LIMIT } from './initialisers.ts';
export {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  categoricalCrossEntropy,
  mse,
  PROBABILITY_EPSILON,
  softmaxCrossEntropyWithLogits,
} from './losses.ts';
export { type LowRankDense, lowRankDense, lowRankMlp } from './low-rank.ts';
export { type Mlp, type MlpOptions, mlp, stack } from './mlp.ts';
export { add, addBias, matmul, scale } from './ops.ts';
export { adam, createOptimiser, momentum, OPTIMISERS, type Optimiser, type OptimiserName, type OptimiserOptions, sgd } from './optimisers.ts';
export { dequantise, type QuantFormat, type Quantised, quantise, topLevel } from './quantise.ts';
export { l1, l2 } from './regularisation.ts';
export { createRng, type Rng } from './rng.ts';
export { type DType, Graph, operation, Tensor, type TensorData, tensor, tensorLike } from './tensor.ts';
export {
  createTrainer,
  type Evaluation,
  LOSSES,
  type LossName,
  REGULARISATIONS,
  type RegularisationName,
  type StepResult,
  type Trainer,
  type TrainerOptions,
} from './trainer.ts';
