// A requestAnimationFrame loop that gives training a time budget per frame, then redraws, so the page keeps
// rendering smoothly however heavy the settings are. The budget shrinks when drawing itself gets slow.

export interface FrameLoop {
  readonly running: boolean;
  start(): void;
  stop(): void;
}

/** Work plus drawing should fit in this much of each ~16.7 ms frame, leaving the rest to the browser. */
const FRAME_TARGET_MS = 8;
const MIN_BUDGET_MS = 1;

export interface FrameLoopOptions {
  /** Most milliseconds of work allowed per frame (less when drawing takes long). */
  budgetMs: number;
  /** Does work until performance.now() reaches `deadline`; returns false to stop the loop. */
  work: (deadline: number) => boolean;
  draw: () => void;
  /** Called when the loop stops by itself (work returned false or threw). */
  onStop?: (error?: unknown) => void;
}

export function frameLoop(options: FrameLoopOptions): FrameLoop {
  let handle = 0;
  let running = false;
  let lastDrawMs = 0;
  const frame = (): void => {
    if (!running) return;
    let keepGoing = true;
    try {
      const budget = Math.max(MIN_BUDGET_MS, Math.min(options.budgetMs, FRAME_TARGET_MS - lastDrawMs));
      keepGoing = options.work(performance.now() + budget);
      const drawStart = performance.now();
      options.draw();
      lastDrawMs = performance.now() - drawStart;
    } catch (error) {
      running = false;
      try {
        options.onStop?.(error);
      } catch (secondError) {
        console.warn('demo animation stopped after an error', error, secondError);
      }
      return;
    }
    if (keepGoing) handle = requestAnimationFrame(frame);
    else {
      running = false;
      options.onStop?.();
    }
  };
  return {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      handle = requestAnimationFrame(frame);
    },
    stop() {
      running = false;
      cancelAnimationFrame(handle);
    },
  };
}
