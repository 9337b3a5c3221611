// `asyncio.timeout(delay)` / `timeout_at(when)`, ported from CPython 3.11's timeouts.py:
// on expiry the task is cancelled, and `__aexit__` turns that CancelledError into TimeoutError.
import { BaseException, RuntimeError, TimeoutError, raiseFrom, withContext } from "../exceptions.js";
import { floatRepr } from "../float-repr.js";
import { coroutineMethods } from "./coroutine.js";
import { CancelledError } from "./exceptions.js";
import { get_running_loop, type Handle } from "./loop.js";
import { keywordsOf } from "../kwargs.js";
import { current_task, type Task } from "./task.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

type State = "created" | "active" | "expiring" | "expired" | "finished";

export class Timeout {
  static [PYTHON_NAME] = "Timeout";
  static [PYTHON_MODULE] = "asyncio.timeouts";
  private _state: State = "created";
  private _timeoutHandler: Handle | null = null;
  private _task: Task<unknown> | null = null;
  private _when: number | null;
  private _cancelling = 0;

  constructor(when: unknown) {
    this._when = when === null || when === undefined ? null : Number(when);
  }

  when(): number | null {
    return this._when;
  }

  reschedule(when: unknown): null {
    if (this._state !== "active") {
      if (this._state === "created") throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when === null || when === undefined ? null : Number(when);
    this._timeoutHandler?.cancel();
    if (this._when === null) {
      this._timeoutHandler = null;
    } else {
      const loop = get_running_loop();
      this._timeoutHandler = this._when <= loop.time() ? loop.call_soon(this._onTimeout) : loop.call_at(this._when, this._onTimeout);
    }
    return null;
  }

  expired(): boolean {
    return this._state === "expiring" || this._state === "expired";
  }

  async __aenter__(): Promise<Timeout> {
    if (this._state !== "created") throw new RuntimeError("Timeout has already been entered");
    const task = current_task();
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this._state = "active";
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
    return this;
  }

  async __aexit__(excType?: unknown, exc?: unknown, _tb?: unknown): Promise<null> {
    this._timeoutHandler?.cancel();
    this._timeoutHandler = null;
    if (this._state === "expiring") {
      this._state = "expired";
      if (this._task!.uncancel() <= this._cancelling && isCancelledError(excType, exc)) {
        throw withContext(raiseFrom(new TimeoutError(), exc ?? null), exc instanceof BaseException ? exc : null);
      }
    } else if (this._state === "active") {
      this._state = "finished";
    }
    return null;
  }

  private readonly _onTimeout = (): void => {
    this._task!.cancel();
    this._state = "expiring";
    this._timeoutHandler = null;
  };

  __repr__(): string {
    let when = "";
    if (this._state === "active") when = ` when=${this._when === null ? "None" : floatRepr(Math.round(this._when * 1000) / 1000)}`;
    return `<Timeout [${this._state}]${when}>`;
  }
}
coroutineMethods(Timeout, "__aenter__", "__aexit__");

/** CPython checks `exc_type is CancelledError`; the compiler may pass the class or only the value. */
function isCancelledError(excType: unknown, exc: unknown): boolean {
  if (excType === CancelledError) return true;
  return excType === undefined && exc instanceof CancelledError && exc.constructor === CancelledError;
}

/** `asyncio.timeout(delay)`: `async with asyncio.timeout(1): ...`; `None` means no deadline. */
export function timeout(delay: unknown): Timeout {
  const kw = keywordsOf(delay);
  if (kw !== null) delay = kw["delay"];
  const loop = get_running_loop();
  return new Timeout(delay === null || delay === undefined ? null : loop.time() + Number(delay));
}

/** `asyncio.timeout_at(when)`, `when` on the loop's clock (`loop.time()`). */
export function timeout_at(when: unknown): Timeout {
  const kw = keywordsOf(when);
  if (kw !== null) when = kw["when"];
  return new Timeout(when);
}
