// `metaclass=M` where `M` is a class of the program deriving from `type`: the class is made as any
// other, then `applyMetaclass` (runtime classes.ts) makes `M` its type, so it reads `M`'s methods and
// attributes, and runs `M.__new__`; a subclass gets the same call. A class whose metaclass defines
// `__call__` is called through the runtime, which calls that `__call__` with the class first:
//
//     class Plugin(metaclass=PluginMeta):        class Plugin { ... }
//         ...                                    applyMetaclass(Plugin, PluginMeta, []);
//     class Csv(Plugin): ...                     class Csv extends Plugin { ... }
//                                                applyMetaclass(Csv, PluginMeta, [Plugin]);
//     Config("a")   (Singleton.__call__)         call(Config, "a")
//
// `ABCMeta` is abc's (classes.ts); any other metaclass, and a metaclass's `__init__` or `__prepare__`, is PY3001.
import type { ClassDef, Expression } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import type { ClassInfo, TypeFacts } from "../analyze/checker.js";

const f = ts.factory;

/** Whether the class derives from `type`. */
export function isMetaclass(types: TypeFacts, info: ClassInfo): boolean {
  return types.mro(info).some((c) => c.bases.includes("type"));
}

/** The program's metaclass the `metaclass=` keyword of `owner`'s statement names, or null. */
export function userMetaclass(ctx: LowerContext, e: Expression, owner: ClassInfo): ClassInfo | null {
  const info = ctx.types.baseClass(owner, e);
  return info !== null && isMetaclass(ctx.types, info) ? info : null;
}

/** The metaclass of a class: the one its statement names, or the nearest base's. */
export function metaclassOf(ctx: LowerContext, info: ClassInfo): ClassInfo | null {
  for (const c of ctx.types.mro(info)) {
    const k = c.node.keywords.find((kw) => kw.arg === "metaclass");
    if (k !== undefined) return userMetaclass(ctx, k.value, c);
  }
  return null;
}

/** Whether calling the class goes through its metaclass's `__call__`. */
export function callsThroughMetaclass(ctx: LowerContext, info: ClassInfo): boolean {
  const meta = metaclassOf(ctx, info);
  return meta !== null && ctx.types.mro(meta).some((c) => c.methods.has("__call__"));
}

/** `applyMetaclass(C, M, [bases])` after a class that has a metaclass of the program; PY3001 for what a metaclass may not define. */
export function metaclassStatements(ctx: LowerContext, cls: ClassDef, info: ClassInfo): ts.Statement[] {
  if (isMetaclass(ctx.types, info)) {
    for (const name of ["__init__", "__prepare__"]) {
      const def = info.methods.get(name);
      if (def !== undefined) ctx.error("PY3001", def, [`${name} of a metaclass`]);
    }
  }
  const meta = metaclassOf(ctx, info);
  if (meta === null) return [];
  const bases = f.createArrayLiteralExpression(cls.bases.map((b) => lowerExpression(ctx, b)));
  return [f.createExpressionStatement(f.createCallExpression(ctx.useRuntime("applyMetaclass"), undefined, [ctx.id(cls.name), ctx.id(meta.name), bases]))];
}
