// Word lists for the synthetic corpus: the subject domains (term-id prefix, the several spellings of
// source-domain seen in real graphs, title vocabulary) and the sentence templates that fill page
// bodies. Pure data; the generator combines it with its seeded Rng.

export interface DomainSpec {
  /** Term-id prefix, e.g. `AI` in `AI-0052`. */
  readonly prefix: string;
  /** Canonical source-domain value first, then the variant spellings real pages use. */
  readonly spellings: readonly string[];
  readonly name: string;
  /** Share of all pages (relative weight). */
  readonly weight: number;
  readonly modifiers: readonly string[];
  readonly heads: readonly string[];
  /** Namespaces for `Namespace/Title` pages. */
  readonly namespaces: readonly string[];
  /** Topic nouns used in sentences about concepts of this domain. */
  readonly topics: readonly string[];
}

export const DOMAINS: readonly DomainSpec[] = [
  {
    prefix: 'AI', spellings: ['ai', 'artificial-intelligence', 'ai-grounded'], name: 'Artificial Intelligence', weight: 4,
    modifiers: ['Attention', 'Transformer', 'Gradient', 'Contrastive', 'Diffusion', 'Variational', 'Reinforcement',
      'Few-Shot', 'Self-Supervised', 'Sparse', 'Quantised', 'Causal', 'Bayesian', 'Convolutional', 'Recurrent',
      'Adversarial', 'Mixture-of-Experts', 'Retrieval-Augmented', 'Low-Rank', 'Residual', 'Normalised', 'Stochastic',
      'Multimodal', 'Generative', 'Instruction-Tuned', 'Kernel', 'Ensemble', 'Graph', 'Energy-Based', 'Autoregressive'],
    heads: ['Model', 'Loss', 'Optimiser', 'Encoder', 'Decoder', 'Embedding', 'Regulariser', 'Tokeniser', 'Scheduler',
      'Head', 'Layer', 'Network', 'Objective', 'Sampler', 'Estimator', 'Benchmark', 'Distillation', 'Alignment',
      'Pretraining', 'Fine-Tuning', 'Evaluation', 'Parameters', 'Weights', 'Initialisation', 'Dropout', 'Classifier'],
    namespaces: ['Optimisers', 'Architectures', 'Losses'],
    topics: ['training data', 'the loss surface', 'model weights', 'the validation set', 'gradient updates',
      'hidden representations', 'the learning rate', 'benchmark scores', 'token embeddings', 'attention heads'],
  },
  {
    prefix: 'BC', spellings: ['blockchain', 'bc', 'distributed-ledger'], name: 'Blockchain', weight: 2,
    modifiers: ['Proof-of-Stake', 'Layer-2', 'Zero-Knowledge', 'Sharded', 'Permissioned', 'Optimistic', 'Cross-Chain',
      'Merkle', 'Byzantine', 'Threshold', 'Smart-Contract', 'Validator', 'Custodial', 'Decentralised', 'Atomic',
      'Stateless', 'Programmable', 'Confidential', 'Light-Client', 'Finalised'],
    heads: ['Consensus', 'Ledger', 'Bridge', 'Oracle', 'Wallet', 'Signature', 'Protocol', 'Rollup', 'Mempool', 'Block',
      'Fork', 'Finality', 'Audit', 'Registry', 'Governance', 'Staking', 'Token', 'Channel', 'Proof', 'Commitment'],
    namespaces: ['Consensus', 'Wallets'],
    topics: ['block producers', 'transaction fees', 'the state root', 'validator sets', 'on-chain data',
      'settlement latency', 'smart contracts', 'the mempool'],
  },
  {
    prefix: 'RB', spellings: ['robotics', 'rb', 'robot-systems'], name: 'Robotics', weight: 2,
    modifiers: ['Kinematic', 'Inverse', 'Tactile', 'Legged', 'Humanoid', 'Visual', 'Swarm', 'Collaborative',
      'Autonomous', 'Soft', 'Compliant', 'Trajectory', 'Grasp', 'Servo', 'Lidar', 'Impedance', 'Model-Predictive',
      'Underactuated', 'Teleoperated', 'Embodied'],
    heads: ['Controller', 'Planner', 'Gripper', 'Actuator', 'Sensor', 'Odometry', 'Localisation', 'Manipulator',
      'Calibration', 'Kinematics', 'Dynamics', 'Mapping', 'Policy', 'Servoing', 'Safety', 'Teleoperation'],
    namespaces: ['Planners', 'Sensors'],
    topics: ['joint torques', 'sensor noise', 'the control loop', 'contact forces', 'the workspace',
      'motion primitives', 'encoder readings', 'the end effector'],
  },
  {
    prefix: 'MV', spellings: ['metaverse', 'mv', 'virtual-worlds'], name: 'Metaverse', weight: 2,
    modifiers: ['Volumetric', 'Immersive', 'Spatial', 'Haptic', 'Persistent', 'Social', 'Mixed-Reality',
      'Photogrammetric', 'Procedural', 'Digital-Twin', 'Interoperable', 'Networked', 'Embodied', 'Shared',
      'Foveated', 'Spatial-Audio'],
    heads: ['Avatar', 'Scene', 'Presence', 'World', 'Asset', 'Rendering', 'Anchor', 'Portal', 'Identity', 'Economy',
      'Streaming', 'Session', 'Interaction', 'Locomotion', 'Occlusion', 'Marketplace'],
    namespaces: ['Worlds', 'Avatars'],
    topics: ['frame latency', 'user presence', 'shared scenes', 'asset formats', 'head-mounted displays',
      'spatial anchors', 'avatar rigs', 'network jitter'],
  },
  {
    prefix: 'ME', spellings: ['ml-engineering', 'mlops', 'me'], name: 'ML Engineering', weight: 1,
    modifiers: ['Feature', 'Experiment', 'Deployment', 'Inference', 'Monitoring', 'Drift', 'Shadow', 'Canary',
      'Batch', 'Streaming', 'Reproducible', 'Versioned', 'Continuous', 'Online'],
    heads: ['Store', 'Registry', 'Serving', 'Tracking', 'Versioning', 'Validation', 'Orchestration', 'Lineage',
      'Cache', 'Gateway', 'Rollout', 'Pipeline', 'Detection', 'Testing'],
    namespaces: ['Serving', 'Pipelines'],
    topics: ['model artefacts', 'feature freshness', 'inference latency', 'rollback plans', 'training runs',
      'data contracts', 'prediction logs'],
  },
  {
    prefix: 'DP', spellings: ['data-privacy', 'privacy', 'dp'], name: 'Data Privacy', weight: 1,
    modifiers: ['Differential', 'Homomorphic', 'k-Anonymous', 'Synthetic', 'Secure', 'Consent', 'Pseudonymous',
      'Local', 'Central', 'Private', 'Encrypted', 'Auditable'],
    heads: ['Privacy', 'Encryption', 'Aggregation', 'Auditing', 'Masking', 'Budget', 'Enclave', 'Computation',
      'Release', 'Sharing', 'Linkage', 'Retention'],
    namespaces: ['Mechanisms'],
    topics: ['the privacy budget', 'personal records', 'released statistics', 're-identification risk',
      'consent records', 'noise calibration'],
  },
];

/** Optional leading qualifier to widen the title space. */
export const QUALIFIERS = ['Adaptive', 'Hierarchical', 'Online', 'Distributed', 'Robust', 'Efficient', 'Multi-Task',
  'Continual', 'Calibrated', 'Masked', 'Lightweight', 'Scalable', 'Interpretable', 'Federated', 'Incremental'];

export const STATUSES = ['draft', 'in-review', 'complete', 'established', 'deprecated'];
export const MATURITY = ['emerging', 'developing', 'mature', 'legacy'];
export const SECTION_HEADINGS = ['Overview', 'Technical Details', 'How It Works', 'Applications', 'Limitations',
  'Research & Literature', 'Current Landscape (2025)', 'Historical Background', 'Open Problems', 'Practical Notes'];

/** Sentence templates. Slots: {T} this concept, {L} a [[link]] to another concept, {topic}, {verb},
 *  {adv}, {effect}, {ctx}. Every template yields at least eight words. */
export const TEMPLATES = [
  '{T} {verb} {topic} so that {effect} {ctx}.',
  'In practice, {T} is combined with {L} and {adv} {verb} {topic}.',
  'Practitioners often compare {T} with {L}, since each one {verb} {topic} {ctx}.',
  'A common failure mode of {T} appears when {topic} changes faster than {effect}.',
  'Recent work shows that {T} {adv} {verb} {topic} when paired with {L}.',
  'Unlike {L}, the {T} approach {verb} {topic} without assuming that {effect}.',
  'Engineers tune {T} by watching {topic} closely, since {effect} {ctx}.',
  'The design of {T} borrows ideas from {L}, which {adv} {verb} {topic}.',
  'Evaluations of {T} usually report how well it {verb} {topic} {ctx}.',
  'One open question is whether {T} still {verb} {topic} once {effect}.',
];
export const VERBS = ['stabilises', 'compresses', 'regularises', 'summarises', 'constrains', 'reweights',
  'propagates', 'aggregates', 'filters', 'estimates', 'schedules', 'validates', 'partitions', 'encodes',
  'monitors', 'approximates', 'protects', 'balances'];
export const ADVERBS = ['reliably', 'cheaply', 'incrementally', 'jointly', 'implicitly', 'explicitly',
  'conservatively', 'aggressively', 'locally', 'globally', 'selectively'];
export const EFFECTS = ['errors stay bounded', 'the variance drops', 'costs remain predictable',
  'rare cases are not ignored', 'results can be reproduced', 'the system degrades gracefully',
  'the operators can audit each step', 'latency stays within budget', 'the estimates converge',
  'small inputs still carry signal', 'drift is detected early', 'the outputs remain calibrated'];
export const CONTEXTS = ['across large deployments', 'under tight memory limits', 'on commodity hardware',
  'in safety-critical settings', 'for long-running workloads', 'during the first training epochs',
  'in regulated industries', 'with noisy inputs', 'at national scale', 'in most published benchmarks',
  'for small teams', 'when data is scarce'];

export const INLINE_MATH = [
  '$\\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta \\mathcal{L}(\\theta_t)$',
  '$p(y \\mid x) = \\mathrm{softmax}(W x + b)$',
  '$\\lVert x - \\hat{x} \\rVert_2^2$',
  '$\\epsilon$-differential privacy with $\\delta < 10^{-5}$',
  '$O(n \\log n)$',
  '$\\tau = J(q)^\\top F$',
];
export const DISPLAY_MATH = [
  '$$\\mathcal{L}(\\theta) = -\\frac{1}{N}\\sum_{i=1}^{N} \\log p_\\theta(y_i \\mid x_i)$$',
  '$$\\mathrm{Attention}(Q,K,V) = \\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V$$',
  '$$\\Pr[M(D) \\in S] \\le e^{\\epsilon} \\Pr[M(D\') \\in S] + \\delta$$',
  '$$\\dot{x} = A x + B u$$',
];
export const CODE_SNIPPETS: readonly { lang: string; lines: readonly string[] }[] = [
  { lang: 'python', lines: ['for batch in loader:', '    loss = model(batch).loss', '    loss.backward()', '    optimiser.step()'] },
  { lang: 'typescript', lines: ['const score = weights.reduce((s, w, i) => s + w * x[i], bias);'] },
  { lang: 'bash', lines: ['kb export --format turtle > graph.ttl'] },
  { lang: 'json', lines: ['{ "learning_rate": 0.0003, "warmup_steps": 500 }'] },
];
export const AUTHORS = ['Okafor, N.', 'Lindqvist, M.', 'Haddad, R.', 'Tanaka, Y.', 'Moreau, C.', 'Sharma, P.',
  'Novak, J.', 'Adeyemi, T.', 'Gallagher, S.', 'Ferreira, L.', 'Kowalski, A.', 'Chen, W.'];
export const VENUES = ['Journal of Machine Learning Research', 'Proceedings of NeurIPS', 'IEEE Transactions on Robotics',
  'ACM Computing Surveys', 'Proceedings of the IEEE', 'Transactions on Privacy and Security', 'arXiv preprint'];
export const EXTERNAL_SITES = ['https://arxiv.org/abs/', 'https://doi.org/10.5555/', 'https://en.wikipedia.org/wiki/',
  'https://github.com/example-org/'];
