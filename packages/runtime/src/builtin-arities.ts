// CPython's TypeError for a builtin called with the wrong number of arguments or with keywords it does
// not take (`len()`, `getattr(c)`, `abs(**d)`): the compiler sends such a call through `call`, which
// checks the arity catalogue.ts's BUILTIN_ARITIES gives the builtin before calling it.
import { abs, divmod } from "./arithmetic.js";
import { callable, delattr, getattr, hasattr, setattr } from "./attrs.js";
import { bin, chr, hex, oct, ord } from "./builtins.js";
import { registerArity } from "./calls.js";
import { BUILTIN_ARITIES } from "./catalogue.js";
import { format } from "./format.js";
import { id } from "./identity.js";
import { all, any, iter, next } from "./iter-builtins.js";
import { isinstance, issubclass } from "./pytype.js";
import { ascii, repr } from "./repr.js";
import { len } from "./subscript.js";

const builtins: Record<keyof typeof BUILTIN_ARITIES, Function> = {
  abs, all, any, ascii, bin, callable, chr, delattr, divmod, format, getattr, hasattr, hex, id, isinstance, issubclass, iter, len, next, oct, ord, repr, setattr,
};
for (const [name, fn] of Object.entries(builtins)) registerArity(fn, name, BUILTIN_ARITIES[name]!);
