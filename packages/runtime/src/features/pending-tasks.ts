// A feature of the event loop that a program gets only when it runs a loop itself (`loop.run_until_complete`,
// `loop.run_forever`): the report of the tasks still pending when the program ends, as CPython's `Task.__del__`
// makes it when it frees them. The compiler imports this module into a program that names either method:
//
//     loop.run_until_complete(main())       import "@pyts/runtime/features/pending-tasks";
//     loop.close()
//
//     Task was destroyed but it is pending!
//     task: <Task pending name='Task-2' coro=<work() running at x.py:4> wait_for=<Future pending cb=[Task.task_wakeup()]>>
//
// `asyncio.run` and a Runner cancel every task before they close the loop, so their programs never see it.
// CPython frees a pending task with the cycle collector, at exit for a short program (JavaScript tells no one
// when it frees an object): the tasks are reported at exit, oldest first.
import { EventLoop } from "../asyncio/loop.js";
import { pendingTasks } from "../asyncio/task.js";
import { onHostExit } from "../host.js";
import { flushStdout } from "../output.js";

/** The loops the program ran, in the order it first ran them. */
const ranLoops = new Set<EventLoop>();

const runForever = EventLoop.prototype.run_forever;
EventLoop.prototype.run_forever = function (this: EventLoop): Promise<void> {
  if (ranLoops.size === 0) onHostExit(reportPendingTasks);
  ranLoops.add(this);
  return runForever.call(this);
};

function reportPendingTasks(): void {
  // A loop still running has not left its tasks: in a browser the host's "exit" is the next macrotask (no
  // process ends), and a page or worker that runs one program after another (the playground) starts afresh.
  const loops = [...ranLoops].filter((loop) => !loop.is_running());
  ranLoops.clear();
  for (const loop of loops) {
    for (const task of pendingTasks(loop)) loop.call_exception_handler({ message: "Task was destroyed but it is pending!", task });
  }
  // What a custom handler printed: the exit's own flush of stdout has run.
  flushStdout();
}
