// Programs of several files for the differential fuzzer: a main module and generated siblings it imports —
// a plain module (functions, a constant, a global changed through a function, a class, an exception class,
// a `__name__` guard that must not run on import) and a package (`__init__.py` with relative imports, and a
// submodule). The main module imports them in the ways tutorials do: `import m`, `from m import f`,
// `import m as alias`, twice, inside a function, `import pkg.sub as u`, `from pkg.sub import f`, and writes a
// module attribute that the module's own functions then read.
//
//   const { files } = modulesProgram(gen, "case_7", { uncaught: false });
//   // files: { "main.py": "...", "geometry.py": "...", "toolkit/__init__.py": "...", "toolkit/util.py": "..." }

const MODULE_NAMES = ["helper", "geometry", "inventory", "scoring"];
const PACKAGE_NAMES = ["toolkit", "shapes", "mathutils"];

function helperModule(g, name) {
  const scale = g.int(2, 9);
  return [
    `"""The ${name} module of a generated program."""`,
    `print("loading", __name__)`,
    `SCALE = ${scale}`,
    `counter = 0`,
    ``,
    ``,
    `class ${capitalized(name)}Error(Exception):`,
    `    pass`,
    ``,
    ``,
    `class Point:`,
    `    def __init__(self, x, y):`,
    `        self.x = x`,
    `        self.y = y`,
    ``,
    `    def __repr__(self):`,
    `        return f"Point({self.x}, {self.y})"`,
    ``,
    `    def scaled(self):`,
    `        return Point(self.x * SCALE, self.y * SCALE)`,
    ``,
    ``,
    `def scale(v):`,
    `    return v * SCALE`,
    ``,
    ``,
    `def bump():`,
    `    global counter`,
    `    counter += 1`,
    `    return counter`,
    ``,
    ``,
    `def check(v):`,
    `    if v < 0:`,
    `        raise ${capitalized(name)}Error(f"negative value {v}")`,
    `    return v`,
    ``,
    ``,
    `if __name__ == "__main__":`,
    `    print("${name} run directly")`,
    ``,
  ].join("\n");
}

function capitalized(name) {
  return name[0].toUpperCase() + name.slice(1);
}

/** `{ files }`: main.py and the modules it imports. With `uncaught`, main ends in an exception from a module. */
export function modulesProgram(g, name, { uncaught = false } = {}) {
  const helper = g.pick(MODULE_NAMES);
  const pkg = g.pick(PACKAGE_NAMES);
  const Error = `${capitalized(helper)}Error`;
  const files = { [`${helper}.py`]: helperModule(g, helper) };
  const main = [`# ${name}: a program of several modules`];
  const sections = [
    () => [`import ${helper}`, `print(${helper}.scale(${g.int(-5, 5)}), ${helper}.SCALE, ${helper}.__name__)`],
    () => [`from ${helper} import scale, SCALE`, `print(scale(${g.int(-5, 5)}), SCALE)`],
    () => [`import ${helper} as alias`, `import ${helper}`, `print(alias is ${helper}, alias.bump(), ${helper}.bump(), alias.counter)`],
    () => [`from ${helper} import Point`, `p = Point(${g.int(-5, 5)}, ${g.int(-5, 5)})`, `print(p, p.scaled(), type(p).__name__)`],
    () => [`import ${helper}`, `${helper}.SCALE = ${g.int(10, 20)}`, `print(${helper}.scale(2), ${helper}.Point(1, 1).scaled())`],
    () => [`def late():`, `    import ${helper}`, `    return ${helper}.scale(3)`, `print(late(), late())`],
    () => [`from ${helper} import check, ${Error}`, `try:`, `    check(${g.int(-5, -1)})`, `except ${Error} as e:`, `    print(type(e).__name__, e)`],
    () => {
      files[`${pkg}/__init__.py`] = [`from .util import double`, `from . import util`, `print("package", __name__)`, ``].join("\n");
      files[`${pkg}/util.py`] = [`def double(v):`, `    return v * 2`, ``, ``, `def triple(v):`, `    return v * 3`, ``].join("\n");
      return g.pick([
        () => [`import ${pkg}`, `print(${pkg}.double(${g.int(0, 9)}), ${pkg}.util.triple(2))`],
        () => [`from ${pkg}.util import triple`, `import ${pkg}.util as u`, `print(triple(${g.int(0, 9)}), u.double(5))`],
        () => [`from ${pkg} import double, util`, `print(double(${g.int(0, 9)}), util.triple(${g.int(0, 9)}))`],
      ])();
    },
  ];
  const count = g.int(1, 4);
  for (let i = 0; i < count; i++) main.push(...g.pick(sections)());
  main.push(`print("main", __name__)`);
  if (uncaught) {
    main.push(
      ...g.pick([
        () => [`import ${helper}`, `${helper}.check(${g.int(-9, -1)})`],
        () => [`from ${helper} import ${Error}`, `raise ${Error}("stopped in main")`],
      ])(),
    );
  }
  return { files: { "main.py": `${main.join("\n")}\n`, ...files } };
}
