// A feature a program gets only when it uses it: `C.__mro__`, `C.__bases__` and `C.mro()` on every class.
// The compiler imports this module into a program that names one of them, as an attribute or a string:
//
//     print(Square.__mro__)      import "@pyts/runtime/features/class-hierarchy";
//
// so that the bundle of any other program leaves them out.
import { installClassHierarchy } from "../type-registry.js";

installClassHierarchy();
