// Definite assignment (analyze/bound-names.ts): which reads of a name the compiler proves bound. Each
// program marks lines with `# bound: a b` (every read of a and b on that line must be proven) or
// `# unbound: x` (no read of x on that line may be proven: it gets a run-time check).
import { describe, expect, it } from "vitest";
import type { Name, Node } from "../../packages/parser/src/index.js";
import { parse } from "../../packages/parser/src/index.js";
import { ScopeAnalysis } from "../../packages/compiler/src/analyze/scopes.js";
import { boundNames } from "../../packages/compiler/src/analyze/bound-names.js";
import { forEachChild } from "../../packages/compiler/src/analyze/walk.js";

const programs: Record<string, string> = {
  "straight line": `
x = 1
print(x)  # bound: x print
def f(a):
    b = a  # bound: a
    return b  # bound: b
`,
  "if without else": `
def f(flag):
    if flag:
        label = "yes"
    print(label)  # unbound: label
    label = "no"
    print(label)  # bound: label
`,
  "if and else both bind": `
def f(flag):
    if flag:
        label = "yes"
    elif flag is None:
        label = "none"
    else:
        label = "no"
    return label  # bound: label
`,
  "branch that raises or returns": `
def f(n):
    if n > 0:
        sign = 1
    elif n < 0:
        sign = -1
    else:
        raise ValueError("zero")
    return sign  # bound: sign
def g(n):
    if n < 0:
        return None
    else:
        root = n ** 0.5
    return root  # bound: root
`,
  "for loop zero iterations": `
for word in []:
    length = len(word)  # bound: word
print(word, length)  # unbound: word length
`,
  "for else and break": `
def f(xs):
    for x in xs:
        if x > 2:
            found = x
            break
    else:
        found = None
    return found  # bound: found
def g(xs):
    for x in xs:
        if x:
            hit = x
            break
    return hit  # unbound: hit
`,
  "while True ends only by break": `
def f(it):
    while True:
        item = next(it)
        if item:
            break
    return item  # bound: item
def g(n):
    while n > 0:
        last = n
        n -= 1  # bound: n
    return last  # unbound: last
`,
  continue: `
def f(xs):
    for x in xs:
        if x:
            continue
        y = x
        print(y)  # bound: y
`,
  "try except else finally": `
def f(s):
    try:
        value = int(s)
    except ValueError:
        print(value)  # unbound: value
        value = -1
    return value  # bound: value
def g(s):
    try:
        n = int(s)
        half = n / 2
    except ValueError:
        pass
    return half  # unbound: half
def h(s):
    try:
        n = int(s)
    except ValueError:
        return 0
    else:
        m = n + 1  # bound: n
    finally:
        print(n)  # unbound: n
    return m  # bound: m
`,
  "name defined in try before a failure": `
try:
    first = 1
    second = 1 / 0
except ZeroDivisionError:
    print(first)  # unbound: first
print(second)  # unbound: second
`,
  "except as name is deleted after the handler": `
e = 5
try:
    pass
except Exception as e:
    print(e)  # bound: e
print(e)  # unbound: e
`,
  "with may swallow": `
def f(cm):
    with cm as c:
        data = c.read()  # bound: c
    return data  # unbound: data
`,
  "asyncio's task groups and timeouts swallow nothing": `
import asyncio
async def main(work):
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(work())
    async with asyncio.timeout(1):
        value = await work()
    return task.result(), value  # bound: task value
def other(cm, work):
    with cm:
        value = work()
    return value  # unbound: value
`,
  del: `
x = 1
del x  # bound: x
print(x)  # unbound: x
y = 2
del y
y = 3
print(y)  # bound: y
def f():
    a, b = 1, 2
    del a, b  # bound: a b
    del a  # unbound: a
`,
  "a global deleted by a function": `
counter = 3
print(counter)  # unbound: counter
def forget():
    global counter
    del counter
forget()
print(counter)  # unbound: counter
`,
  "augmented assignment reads first": `
count = 0
def increment():
    count += 1  # unbound: count
def bump():
    global count
    count += 1  # bound: count
`,
  "walrus in a condition and in a short-circuit": `
def f(xs):
    if (n := len(xs)) > 2:
        pass
    print(n)  # bound: n
    if xs and (m := xs[0]):
        pass
    print(m)  # unbound: m
`,
  "conditional module definitions": `
import sys
if len(sys.argv) > 5:
    debug = True
print(debug)  # unbound: debug
def show():
    print(debug)  # unbound: debug
show()
`,
  "functions calling functions defined later": `
def main():
    print(helper(), LIMIT)  # bound: helper LIMIT
def helper():
    return LIMIT  # bound: LIMIT
LIMIT = 10
main()
`,
  "a function called before a global is bound": `
def show():
    print(total)  # unbound: total
show()
total = 5
`,
  "a global only assigned through global statements": `
def setup():
    global config
    config = 1
def main():
    print(config)  # unbound: config
setup()
main()
`,
  "decorated functions run from their definition": `
def deco(fn):
    return fn
@deco
def early():
    return later  # unbound: later
later = 1
early()
`,
  closures: `
def outer():
    def inner():
        return x  # bound: x
    x = 1
    return inner()
def broken():
    def inner():
        return y  # unbound: y
    inner()
    y = 1
def recursive(n):
    def walk(k):
        return walk(k - 1) if k else base  # bound: walk base
    base = 0
    return walk(n)
`,
  "a nonlocal or global name after the function assigned it": `
def outer():
    def bump():
        nonlocal count
        count += 1  # unbound: count
        return count  # bound: count
    def reset(flag):
        global total
        if flag:
            total = 0
        return total  # unbound: total
    bump()
    count = 0
    return bump
`,
  "free variable that is deleted": `
def outer():
    x = 1
    def inner():
        return x  # unbound: x
    del x
    return inner
`,
  "methods and the module": `
class Counter:
    def bump(self):
        return STEP  # bound: STEP
STEP = 2
c = Counter()
print(c.bump())
`,
  "class used in a function before it is defined": `
def make():
    return Point()  # unbound: Point
p = make()
class Point:
    pass
`,
  "comprehensions and lambdas": `
def f(xs):
    ys = [x * 2 for x in xs]  # bound: x xs
    g = lambda: ys  # bound: ys
    return g, [z for z in ys if z > limit]  # unbound: limit
f([1])
limit = 3
`,
  "unused function": `
def never_called():
    return typo_name + defined_later  # bound: defined_later
defined_later = 1
`,
};

function reads(node: Node, out: Name[] = []): Name[] {
  if (node._type === "Name" && node.ctx !== "Store") out.push(node);
  if (node._type === "AugAssign" && node.target._type === "Name") out.push(node.target);
  forEachChild(node, (c) => reads(c, out));
  return out;
}

describe("bound names", () => {
  for (const [title, body] of Object.entries(programs)) {
    it(title, () => {
      const source = body.replace(/^\n/, "");
      const parsed = parse(source, { filename: "t.py" });
      expect(parsed.diagnostics).toEqual([]);
      const analysis = new ScopeAnalysis(parsed.module);
      const bound = boundNames(analysis);
      const lineOf = (offset: number): number => Buffer.from(source, "utf8").subarray(0, offset).toString("utf8").split("\n").length;
      const all = reads(parsed.module);
      let checked = 0;
      source.split("\n").forEach((line, i) => {
        const mark = /#\s*(bound|unbound):\s*(.*)$/.exec(line);
        if (mark === null) return;
        for (const name of mark[2]!.trim().split(/\s+/)) {
          const here = all.filter((n) => n.id === name && lineOf(n.start) === i + 1);
          expect(here.length, `a read of ${name} on line ${i + 1}`).toBeGreaterThan(0);
          for (const n of here) {
            const scope = bound.scopeOfRead(n) ?? analysis.module;
            expect(bound.isBoundAt(n, scope), `${name} on line ${i + 1}: ${line.trim()}`).toBe(mark[1] === "bound");
            checked++;
          }
        }
      });
      expect(checked).toBeGreaterThan(0);
    });
  }
});
