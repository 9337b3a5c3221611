// Constructs pyts rejects with a diagnostic naming them, never with wrong code.
//
//     match command:          error PY3001: `match` is not supported
//         case "go": ...
import type { Match } from "@pyts/parser";
import type ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";

export function lowerMatch(ctx: LowerContext, node: Match): ts.Statement[] {
  ctx.error("PY3001", { start: node.start, end: node.start + 5 }, ["match"], { help: "rewrite the `match` as `if`/`elif` tests" });
  return [];
}
