// One flat string for an f-string that a program keeps. V8 holds the result of a concatenation (a
// template literal of several fields) as a tree of its pieces until something reads its characters;
// a program that keeps many such strings (the lines of a report in a list) pays for every piece in memory
// and in garbage collection, where CPython keeps one block per string. Reading one character makes V8
// copy the pieces into one block in place, so the pieces die young.
//
//     return f"{i:>6} | {name:<8}"    return flatString(`${format(i, ">6")} | ${format(name, "<8")}`);

/** `s`, its characters made one block (see the header). */
export function flatString(s: string): string {
  s.charCodeAt(0);
  return s;
}
