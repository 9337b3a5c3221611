// `asyncio.TaskGroup`, ported from CPython 3.11's taskgroups.py: the first failing child
// cancels the others and the parent; the failures come out as an ExceptionGroup.
import { BaseException, BaseExceptionGroup, KeyboardInterrupt, RuntimeError, SystemExit } from "../exceptions.js";
import { repr } from "../repr.js";
import { coroutineMethods } from "./coroutine.js";
import { CancelledError } from "./exceptions.js";
import { Future } from "./future.js";
import { get_running_loop, type EventLoop } from "./loop.js";
import { keywordsOf } from "../kwargs.js";
import { Task, current_task } from "./task.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

function isBaseError(exc: unknown): boolean {
  return exc instanceof SystemExit || exc instanceof KeyboardInterrupt;
}

export class TaskGroup {
  static [PYTHON_NAME] = "TaskGroup";
  static [PYTHON_MODULE] = "asyncio.taskgroups";
  private _entered = false;
  private _exiting = false;
  private _aborting = false;
  private _loop: EventLoop | null = null;
  private _parentTask: Task<unknown> | null = null;
  private _parentCancelRequested = false;
  private readonly _tasks = new Set<Task<unknown>>();
  private _errors: BaseException[] = [];
  private _baseError: BaseException | null = null;
  private _onCompletedFut: Future<unknown> | null = null;
  async __aenter__(): Promise<TaskGroup> {
    if (this._entered) throw new RuntimeError(`TaskGroup ${repr(this)} has already been entered`);
    this._loop ??= get_running_loop();
    this._parentTask = current_task(this._loop);
    if (this._parentTask === null) throw new RuntimeError(`TaskGroup ${repr(this)} cannot determine the parent task`);
    this._entered = true;
    return this;
  }

  async __aexit__(et?: unknown, exc?: unknown, _tb?: unknown): Promise<null> {
    if (et === undefined && exc instanceof BaseException) et = exc.constructor;
    if (exc === undefined) exc = null;
    this._exiting = true;
    if (exc !== null && isBaseError(exc) && this._baseError === null) this._baseError = exc as BaseException;
    let propagateCancellationError: unknown = et === CancelledError ? exc : null;
    if (this._parentCancelRequested) {
      if (this._parentTask!.uncancel() === 0) propagateCancellationError = null;
    }
    if (et !== null && et !== undefined && !this._aborting) this._abort();
    while (this._tasks.size > 0) {
      this._onCompletedFut ??= new Future({ loop: this._loop });
      try {
        await this._onCompletedFut;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        if (!this._aborting) {
          propagateCancellationError = e;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }
    if (this._baseError !== null) throw this._baseError;
    if (propagateCancellationError && this._errors.length === 0) throw propagateCancellationError;
    if (et !== null && et !== undefined && et !== CancelledError) this._errors.push(exc as BaseException);
    if (this._errors.length > 0) {
      const me = new BaseExceptionGroup("unhandled errors in a TaskGroup", this._errors);
      me.__suppress_context__ = true;
      this._errors = [];
      throw me;
    }
    return null;
  }

  /** `tg.create_task(coro, *, name=None)`: `tg.create_task(coro, { name: "x" })`. */
  create_task<T>(coro: PromiseLike<T>, options?: unknown): Task<T> {
    if (!this._entered) throw new RuntimeError(`TaskGroup ${repr(this)} has not been entered`);
    if (this._exiting && this._tasks.size === 0) throw new RuntimeError(`TaskGroup ${repr(this)} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${repr(this)} is shutting down`);
    // A bound method to CPython, as a task's repr shows it (`cb=[TaskGroup._on_task_done()]`).
    this._onTaskDone.__qualname__ = "TaskGroup._on_task_done";
    const task = new Task<T>(coro, { loop: this._loop });
    const name = keywordsOf(options)?.["name"];
    if (name !== undefined && name !== null) task.set_name(name);
    task.add_done_callback(this._onTaskDone as (t: Task<T>) => void);
    this._tasks.add(task as Task<unknown>);
    return task;
  }

  private _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) {
      if (!t.done()) t.cancel();
    }
  }

  private readonly _onTaskDone = (task: Task<unknown>): void => {
    this._tasks.delete(task);
    if (this._onCompletedFut !== null && this._tasks.size === 0 && !this._onCompletedFut.done()) {
      this._onCompletedFut.set_result(true);
    }
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    this._errors.push(exc);
    if (isBaseError(exc) && this._baseError === null) this._baseError = exc;
    if (this._parentTask!.done()) {
      this._loop!.call_exception_handler({
        message: `Task ${repr(task)} has errored out but its parent task ${repr(this._parentTask)} is already completed`,
        exception: exc,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      this._abort();
      this._parentCancelRequested = true;
      this._parentTask!.cancel();
    }
  };

  __repr__(): string {
    const info: string[] = [""];
    if (this._tasks.size > 0) info.push(`tasks=${this._tasks.size}`);
    if (this._errors.length > 0) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.join(" ")}>`;
  }
}
coroutineMethods(TaskGroup, "__aenter__", "__aexit__");
