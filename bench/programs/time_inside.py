# `python3 time_inside.py PROGRAM.py`: runs PROGRAM as __main__ and prints to stderr the wall-clock and CPU
# seconds of its own work. The modules it imports are imported and its source compiled before the clock
# starts, so interpreter start-up is left out, as the JavaScript side leaves out loading @pyts/runtime.
import ast
import importlib
import sys
import time

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    tree = ast.parse(f.read(), path)
for node in ast.walk(tree):
    if isinstance(node, ast.Import):
        for alias in node.names:
            importlib.import_module(alias.name)
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module is not None:
        importlib.import_module(node.module)
code = compile(tree, path, "exec")
sys.argv = [path]
start, cpu = time.perf_counter(), time.process_time()
exec(code, {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__})
sys.stdout.flush()
print(time.perf_counter() - start, time.process_time() - cpu, file=sys.stderr)
