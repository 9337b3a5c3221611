// Constructs pyts rejects with a diagnostic naming them, never with wrong code.
//
//     match command:          error PY3001: `match` is not supported
//         case "go": ...
//     try: ...                error PY3001: `except*` is not supported
//     except* ValueError: ...
import type { Match, TryStar } from "@pyts/parser";
import type ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";

export function lowerMatch(ctx: LowerContext, node: Match): ts.Statement[] {
  ctx.error("PY3001", { start: node.start, end: node.start + 5 }, ["match"], { help: "rewrite the `match` as `if`/`elif` tests" });
  return [];
}

export function lowerTryStar(ctx: LowerContext, node: TryStar): ts.Statement[] {
  const handler = node.handlers[0] ?? node;
  ctx.error("PY3001", { start: handler.start, end: handler.start + 7 }, ["except*"]);
  return [];
}
