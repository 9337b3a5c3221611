// Exceptions whose context their raiser set on purpose, None included (an exit stack's
// `_fix_exception_context`): code they leave afterwards does not chain them again (`chainedTo` asks here).
// Kept out of exceptions.ts so that it is no export of the runtime's root.
import type { BaseException } from "./exceptions.js";

const contextSetWhereRaised = new WeakSet<BaseException>();

/** `e.__context__ = context`, the context `e` was raised with. */
export function raisedWithContext(e: BaseException, context: BaseException | null): void {
  e.__context__ = context;
  contextSetWhereRaised.add(e);
}

/** Whether `e`'s context was set where it was raised (None there means no context, not "not chained yet"). */
export function contextFixedWhereRaised(e: BaseException): boolean {
  return contextSetWhereRaised.has(e);
}
